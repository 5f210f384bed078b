package io.borrowerportal.autopay;

import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduling, changing and cancelling an AutoPay each write one outbound event in the change (decision 029). */
class AutoPayOutboundEventsTest extends AutoPayTestSupport {

    private List<OutboxRows.Row> events(String reference) {
        return OutboxRows.about(jdbc, EventType.Aggregate.AUTOPAY, reference);
    }

    @Test
    void scheduled_changed_paused_and_cancelled_each_write_one_event_with_the_instruction_as_it_stands() {
        Customer c = signedIn("out-ap");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        assertThat(events(autopay.reference())).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventType.AUTOPAY_SCHEDULED);
            JsonNode p = row.payload();
            assertThat(p.get("reference").asString()).isEqualTo(autopay.reference());
            assertThat(p.get("loanNumber").asString()).isEqualTo(c.loan());
            assertThat(p.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(p.get("frequency").asString()).isEqualTo("MONTHLY");
            assertThat(p.get("channel").asString()).isEqualTo("BANK");
            assertThat(p.get("methodLastFour").asString()).matches("\\d{4}");
            assertThat(p.get("nextDueDate").asString()).isEqualTo("2026-12-25");
            assertThat(p.has("authorizationText")).as("the authorization stays in the portal").isFalse();
        });

        change(c.loan(), autopay.reference(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "300.00", CHRISTMAS));
        service.pause(c.loan(), autopay.reference());
        service.cancel(c.loan(), autopay.reference());

        List<OutboxRows.Row> rows = events(autopay.reference());
        assertThat(rows).extracting(OutboxRows.Row::type).containsExactly(EventType.AUTOPAY_SCHEDULED,
                EventType.AUTOPAY_CHANGED, EventType.AUTOPAY_CHANGED, EventType.AUTOPAY_CANCELLED);
        assertThat(rows.get(1).payload().get("fixedAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(rows.get(1).payload().get("action").asString()).isEqualTo("CHANGED");
        assertThat(rows.get(2).payload().get("action").asString()).isEqualTo("PAUSED");
        assertThat(rows.get(3).payload().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void a_refused_schedule_or_change_writes_no_event() {
        Customer c = signedIn("out-ap-refused");
        assertThatThrownBy(() -> service.schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS), "not what was shown", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class);
        assertThat(OutboxRows.mentioning(jdbc, c.loan())).isZero();

        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        assertThatThrownBy(() -> service.change(c.loan(), autopay.reference(),
                fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "300.00", CHRISTMAS), "not what was shown", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class);
        assertThat(events(autopay.reference())).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.AUTOPAY_SCHEDULED);
    }
}

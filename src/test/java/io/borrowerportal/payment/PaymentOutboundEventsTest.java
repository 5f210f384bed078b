package io.borrowerportal.payment;

import io.borrowerportal.SignIn;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.PaymentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static io.borrowerportal.payment.PaymentFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each step of a payment the servicing system must hear of writes exactly one outbound event with the step's
 * change (decision 029), carrying what it needs to post the payment, and never more than the method's last four.
 */
class PaymentOutboundEventsTest extends AchServiceTest {

    private List<OutboxRows.Row> events(String confirmation) {
        return OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, confirmation);
    }

    private long card(Borrower b, String number) {
        SignIn.as(users, b.email());
        long id = profiles.addCard(PaymentFixtures.card(number)).id();
        SignIn.out();
        return id;
    }

    private PaymentSummary pay(Borrower b, String amount, long profile) {
        SignIn.as(users, b.email());
        try {
            return service.submit(custom(b.loanNumber(), amount, profile));
        } finally {
            SignIn.out();
        }
    }

    @Test
    void an_approved_card_payment_is_created_then_processed_with_what_the_servicer_posts() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-card");
        PaymentSummary paid = pay(b, "50.00", card(b, "4242424242424242"));

        List<OutboxRows.Row> rows = events(paid.confirmationNumber());
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_CREATED, EventType.PAYMENT_PROCESSED);
        assertThat(rows.get(0).payload().get("status").asString()).isEqualTo("PROCESSING");
        JsonNode processed = rows.get(1).payload();
        assertThat(processed.get("confirmationNumber").asString()).isEqualTo(paid.confirmationNumber());
        assertThat(processed.get("loanNumber").asString()).isEqualTo(b.loanNumber());
        assertThat(processed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(processed.get("channel").asString()).isEqualTo("CARD");
        assertThat(processed.get("methodLastFour").asString()).isEqualTo("4242");
        assertThat(processed.get("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(processed.get("convenienceFee").decimalValue()).isEqualByComparingTo(paid.convenienceFee());
        assertThat(processed.get("applyDate").asString()).isEqualTo(paid.applyDate().toString());
        assertThat(processed.get("principal").decimalValue()).isEqualByComparingTo(paid.principal());
        assertThat(rows).allSatisfy(row -> assertThat(row.text()).doesNotContain("4242424242424242"));
    }

    @Test
    void a_declined_card_payment_is_created_then_declined() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-declined");
        PaymentSummary declined = pay(b, "20.00", card(b, "4000000000000002"));

        assertThat(events(declined.confirmationNumber())).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_CREATED, EventType.PAYMENT_DECLINED);
    }

    @Test
    void a_bank_payment_is_created_pending_then_settles_once_with_last_four_only() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-settle");
        Payment payment = exported(b, bankProfile(b), "61.00");
        assertThat(events(payment.confirmationNumber())).singleElement().satisfies(created -> {
            assertThat(created.type()).isEqualTo(EventType.PAYMENT_CREATED);
            assertThat(created.payload().get("status").asString()).isEqualTo("PENDING");
            assertThat(created.payload().get("channel").asString()).isEqualTo("BANK");
            assertThat(created.payload().get("methodLastFour").asString()).isEqualTo("9012");
            assertThat(created.text()).doesNotContain(PaymentFixtures.ACCOUNT);
        });

        jdbc.update("update payments set settles_on = ? where id = ?", TODAY.minusDays(1), payment.id());
        SystemTask.call(processing::settleDue);
        SystemTask.call(processing::settleDue);

        List<OutboxRows.Row> rows = events(payment.confirmationNumber());
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_CREATED, EventType.PAYMENT_SETTLED);
        assertThat(rows.get(1).payload().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void a_returned_debit_writes_one_returned_event_and_a_second_return_writes_none() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-return");
        Payment payment = exported(b, bankProfile(b), "44.00");

        SystemTask.call(() -> returns.recordReturn(payment.confirmationNumber(), "R01"));
        ReturnImportResult again = SystemTask.call(() -> returns.recordReturn(payment.confirmationNumber(), "R01"));

        assertThat(again.skipped()).isNotEmpty();
        List<OutboxRows.Row> rows = events(payment.confirmationNumber());
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_CREATED, EventType.PAYMENT_RETURNED);
        assertThat(rows.get(1).payload().get("returnCode").asString()).isEqualTo("R01");
        assertThat(rows.get(1).payload().get("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void a_scheduled_payment_cancelled_writes_created_then_cancelled_and_a_refused_cancel_writes_none() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-cancel");
        long bank = bankProfile(b);
        SignIn.as(users, b.email());
        PaymentSummary scheduled = service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("40.00"), bank, LocalDate.of(2026, 12, 14), key()));
        service.cancel(b.loanNumber(), scheduled.confirmationNumber());
        assertThatThrownBy(() -> service.cancel(b.loanNumber(), scheduled.confirmationNumber()))
                .isInstanceOf(PaymentRefusedException.class);
        SignIn.out();

        List<OutboxRows.Row> rows = events(scheduled.confirmationNumber());
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_CREATED, EventType.PAYMENT_CANCELLED);
        assertThat(rows.get(0).payload().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(rows.get(0).payload().get("processDate").asString()).isEqualTo("2026-12-14");
    }

    @Test
    void a_refused_payment_writes_no_event() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "out-refused");
        long profile = card(b, "4242424242424242");
        assertThatThrownBy(() -> pay(b, "999999.00", profile)).isInstanceOf(PaymentRefusedException.class);

        assertThat(OutboxRows.mentioning(jdbc, b.loanNumber())).isZero();
    }
}

package io.borrowerportal.paymentprofile;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import io.borrowerportal.payment.PaymentFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved method added or removed writes one outbound event, last four only (decision 029). */
class ProfileOutboundEventsTest extends ServiceTest {

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    JdbcTemplate jdbc;

    private List<OutboxRows.Row> events(long profileId) {
        return OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT_PROFILE, String.valueOf(profileId));
    }

    @Test
    void a_card_and_a_bank_account_added_then_removed_write_added_and_removed_with_last_four_only() {
        PaymentFixtures.Borrower b = PaymentFixtures.borrower(customers, servicing, "out-profile");
        SignIn.as(users, b.email());
        String account = PaymentFixtures.uniqueAccountNumber();
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        long bank = profiles.addBank(PaymentFixtures.bank(account)).id();
        profiles.delete(bank);

        assertThat(events(card)).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventType.PAYMENT_PROFILE_ADDED);
            assertThat(row.payload().get("channel").asString()).isEqualTo("CARD");
            assertThat(row.payload().get("kind").asString()).isEqualTo("Visa");
            assertThat(row.payload().get("lastFour").asString()).isEqualTo("4242");
            assertThat(row.payload().get("customerId").asLong()).isEqualTo(b.id());
            assertThat(row.text()).doesNotContain("4242424242424242").doesNotContain("\"123\"");
        });
        List<OutboxRows.Row> bankEvents = events(bank);
        assertThat(bankEvents).extracting(OutboxRows.Row::type)
                .containsExactly(EventType.PAYMENT_PROFILE_ADDED, EventType.PAYMENT_PROFILE_REMOVED);
        assertThat(bankEvents).allSatisfy(row -> {
            assertThat(row.payload().get("lastFour").asString()).isEqualTo(account.substring(account.length() - 4));
            assertThat(row.text()).doesNotContain(account);
        });
        assertThat(bankEvents.get(1).payload().get("status").asString()).isEqualTo("DELETED");
    }

    @Test
    void a_refused_card_or_a_method_entered_for_one_payment_writes_no_profile_event() {
        PaymentFixtures.Borrower b = PaymentFixtures.borrower(customers, servicing, "out-profile-no");
        SignIn.as(users, b.email());
        assertThatThrownBy(() -> profiles.addCard(PaymentFixtures.card("4242424242424241")))
                .isInstanceOf(ProfileRefusedException.class);
        long once = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242")).id();

        assertThat(events(once)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbox_events where event_type like 'PAYMENT_PROFILE_%' "
                + "and payload like ?", Integer.class, "%\"customerId\":" + b.id() + ",%")).isZero();
    }
}

package io.borrowerportal.paymentprofile;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentProfileServiceTest extends ServiceTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String ALEX = "alex.latepay@example.com";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void another_customers_profile_cannot_be_changed_made_primary_or_deleted() {
        SignIn.as(users, ALEX);
        ProfileSummary alexs = profiles.addCard(card(PaymentFixtures.nickname("Alex"), false));

        SignIn.as(users, JANE);
        assertThat(profiles.myProfiles()).noneMatch(p -> p.id() == alexs.id());
        assertThatThrownBy(() -> profiles.update(alexs.id(), new ProfileChanges("Mine now", "Jane Borrower", "19801")))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> profiles.makePrimary(alexs.id()))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> profiles.delete(alexs.id()))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");

        SignIn.as(users, ALEX);
        assertThat(profiles.myProfiles()).filteredOn(p -> p.id() == alexs.id()).singleElement()
                .satisfies(p -> assertThat(p.nickname()).isEqualTo(alexs.nickname()));
    }

    @Test
    void the_first_profile_becomes_primary_without_being_asked() {
        // A new borrower, who has no profile yet (Sam's demo card pays his AutoPay and cannot be deleted).
        SignIn.as(users, PaymentFixtures.borrower(customers, servicing, "first-profile").email());
        assertThat(profiles.myProfiles()).isEmpty();

        ProfileSummary first = profiles.addCard(card(PaymentFixtures.nickname("First"), false));
        ProfileSummary second = profiles.addCard(card(PaymentFixtures.nickname("Second"), false));

        List<ProfileSummary> onFile = profiles.myProfiles();
        assertThat(onFile).filteredOn(ProfileSummary::primary).extracting(ProfileSummary::id).containsExactly(first.id());
        assertThat(second.primary()).isFalse();
    }

    @Test
    void a_bank_account_number_is_stored_only_encrypted() {
        SignIn.as(users, JANE);
        ProfileSummary bank = profiles.addBank(new NewBankProfile(PaymentFixtures.nickname("Bank"), "Jane Borrower", "021000021",
                "123456789012", "123456789012", BankAccountKind.SAVINGS, false));

        String secret = jdbc.queryForObject("SELECT bank_account_secret FROM payment_profiles WHERE id = ?",
                String.class, bank.id());
        assertThat(secret).startsWith("v1:").doesNotContain("123456789012").doesNotContain("56789012");
        assertThat(bank.label()).endsWith("•••• 9012").doesNotContain("12345678");
    }

    @Test
    void a_nickname_holding_a_card_number_is_refused_and_nothing_is_saved() {
        SignIn.as(users, JANE);
        int before = profiles.myProfiles().size();

        assertThatThrownBy(() -> profiles.addCard(card("Visa 4242 4242 4242 4242", false)))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("cannot hold a card or account number");
        assertThat(profiles.myProfiles()).hasSize(before);
        ProfileSummary named = profiles.addCard(card(PaymentFixtures.nickname("Words"), false));
        assertThatThrownBy(() -> profiles.update(named.id(), new ProfileChanges("Acct 123456789", "Test Holder", "19801")))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("cannot hold a card or account number");
        assertThat(profiles.myProfiles()).filteredOn(p -> p.id() == named.id()).singleElement()
                .satisfies(p -> assertThat(p.nickname()).isEqualTo(named.nickname()));
    }

    @Test
    void adding_a_card_during_a_staff_preview_is_refused() {
        SignIn.as(users, "staff@example.com");
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        previews.start(jane, context -> { });
        int before = profiles.myProfiles().size();

        String nickname = PaymentFixtures.nickname("Preview");
        assertThatThrownBy(() -> profiles.addCard(card(nickname, false))).isInstanceOf(AccessDeniedException.class);
        assertThat(profiles.myProfiles()).hasSize(before).noneMatch(p -> nickname.equals(p.nickname()));
    }

    private NewCardProfile card(String nickname, boolean primary) {
        YearMonth expiry = YearMonth.now(clock).plusYears(2);
        return new NewCardProfile(nickname, "Test Holder", "4242424242424242", expiry.getMonthValue(),
                expiry.getYear(), "123", "19801", primary);
    }
}

package io.borrowerportal.payment;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.paymentprofile.DebitAccount;
import io.borrowerportal.paymentprofile.PaymentMethods;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileChanges;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A card or bank account entered for one payment, without saving it (decision 013): it pays like a saved one, is
 * never listed, and pays nothing else.
 */
class OneTimePaymentMethodTest extends ServiceTest {

    @Autowired
    PaymentService service;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentMethods methods;
    @Autowired
    AccountService accounts;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;
    @Autowired
    PreviewService previews;
    @Autowired
    JdbcTemplate jdbc;

    private Borrower signedIn(String tag) {
        Borrower borrower = PaymentFixtures.borrower(customers, servicing, tag);
        SignIn.as(users, borrower.email());
        return borrower;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void a_card_entered_for_one_payment_pays_like_a_saved_one_and_is_not_kept_on_file() {
        Borrower b = signedIn("one-time-card");
        ProfileSummary saved = profiles.addCard(PaymentFixtures.card("5555555555554444"));

        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));
        PaymentSummary paid = service.submit(custom(b.loanNumber(), "50.00", card.id()));

        assertThat(card.onFile()).isFalse();
        assertThat(card.primary()).isFalse();
        assertThat(card.label()).isEqualTo("Visa •••• 4242");
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.method()).isEqualTo("Visa •••• 4242");
        assertThat(accounts.detail(b.loanNumber()).history()).map(HistoryRow::entry)
                .filteredOn(e -> e.type() == EntryType.PAYMENT).hasSize(2); // the fixture's first installment and this
        assertThat(profiles.myProfiles()).extracting(ProfileSummary::id).containsExactly(saved.id());
        assertThat(service.options(b.loanNumber()).profiles()).extracting(ProfileSummary::id).containsExactly(saved.id());
        assertThat(profiles.myProfiles().getFirst().primary()).as("the saved card stays the primary").isTrue();
        assertThat(count("select count(*) from audit_events where customer_id = ? and detail = ?", b.id(),
                "Entered Visa •••• 4242 for one payment, not saved")).isEqualTo(1);
    }

    @Test
    void the_first_method_a_new_customer_enters_for_one_payment_does_not_become_primary() {
        signedIn("one-time-first");
        profiles.bankForOnePayment(PaymentFixtures.bank(PaymentFixtures.uniqueAccountNumber()));

        assertThat(profiles.myProfiles()).isEmpty();
        ProfileSummary kept = profiles.addCard(PaymentFixtures.card("4242424242424242"));
        assertThat(kept.primary()).as("the first method on file").isTrue();
    }

    @Test
    void a_bank_account_entered_for_one_payment_is_pending_and_its_debit_can_be_exported() {
        Borrower b = signedIn("one-time-bank");
        String number = PaymentFixtures.uniqueAccountNumber();

        ProfileSummary bank = profiles.bankForOnePayment(PaymentFixtures.bank(number));
        PaymentSummary paid = service.submit(custom(b.loanNumber(), "40.00", bank.id()));

        assertThat(bank.onFile()).isFalse();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(profiles.myProfiles()).isEmpty();
        String secret = jdbc.queryForObject("select bank_account_secret from payment_profiles where id = ?",
                String.class, bank.id());
        assertThat(secret).startsWith("v1:").doesNotContain(number);
        // What the NACHA file is written from: the decrypted account behind the payment's profile.
        Map<Long, DebitAccount> debit = methods.debitAccounts(List.of(bank.id()));
        assertThat(debit.get(bank.id())).satisfies(account -> {
            assertThat(account.accountNumber()).isEqualTo(number);
            assertThat(account.routingNumber()).isEqualTo(PaymentFixtures.ROUTING);
            assertThat(account.usable()).isTrue();
        });
    }

    @Test
    void a_method_entered_for_one_payment_cannot_pay_a_second_time() {
        Borrower b = signedIn("one-time-reuse");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));
        service.submit(custom(b.loanNumber(), "20.00", card.id()));

        assertThatThrownBy(() -> service.quote(custom(b.loanNumber(), "20.00", card.id())))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("profile");
                    assertThat(e.getMessage()).contains("entered for one payment, which has been made");
                });
        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "20.00", card.id())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("entered for one payment");
        assertThat(count("select count(*) from payments where customer_id = ?", b.id())).isEqualTo(1);
    }

    @Test
    void a_declined_card_entered_for_one_payment_must_be_entered_again() {
        Borrower b = signedIn("one-time-declined");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4000000000000002"));

        assertThat(service.submit(custom(b.loanNumber(), "20.00", card.id())).status()).isEqualTo(PaymentStatus.DECLINED);
        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "20.00", card.id())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("entered for one payment");
    }

    @Test
    void a_payment_refused_by_the_rules_leaves_the_one_time_method_for_the_corrected_payment() {
        Borrower b = signedIn("one-time-refused");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));

        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "1.00", card.id())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("smallest payment");
        assertThat(service.submit(custom(b.loanNumber(), "20.00", card.id())).status())
                .isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void two_payments_at_once_with_one_one_time_method_make_one_payment() throws Exception {
        Borrower b = signedIn("one-time-race");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                    start.await();
                    try {
                        return service.submit(custom(b.loanNumber(), "20.00", card.id())).status().name();
                    } catch (PaymentRefusedException refused) {
                        return "REFUSED";
                    } finally {
                        org.springframework.security.core.context.SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("COMPLETED", "REFUSED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from payments where customer_id = ?", b.id())).isEqualTo(1);
    }

    @Test
    void a_one_time_method_cannot_be_edited_made_primary_or_deleted() {
        signedIn("one-time-hidden");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));

        assertThatThrownBy(() -> profiles.update(card.id(), new ProfileChanges("Keep it", "Pat Payer", "19801")))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> profiles.makePrimary(card.id()))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> profiles.delete(card.id()))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("not found");
        assertThat(jdbc.queryForObject("select is_primary from payment_profiles where id = ?", Boolean.class, card.id()))
                .isFalse();
    }

    @Test
    void another_customer_cannot_pay_with_a_method_entered_for_one_payment() {
        signedIn("one-time-owner");
        ProfileSummary card = profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242"));
        Borrower other = signedIn("one-time-intruder");

        assertThatThrownBy(() -> service.submit(custom(other.loanNumber(), "20.00", card.id())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("not found");
        assertThat(count("select count(*) from payments where customer_id = ?", other.id())).isZero();
        assertThat(jdbc.queryForObject("select used_at from payment_profiles where id = ?", Object.class, card.id()))
                .as("still unused").isNull();
    }

    @Test
    void staff_previewing_a_customer_cannot_enter_a_card_or_bank_account_for_one_payment() {
        Borrower b = signedIn("one-time-preview");
        SignIn.as(users, "staff@example.com");
        previews.start(b.id(), context -> { });

        assertThatThrownBy(() -> profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> profiles.bankForOnePayment(PaymentFixtures.bank()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from payment_profiles where customer_id = ?", b.id())).isZero();
    }

    @Test
    void a_channel_the_lender_does_not_take_cannot_be_entered_for_one_payment() {
        Borrower b = signedIn("one-time-channel");
        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withChannels(false, true)));
        try {
            SignIn.as(users, b.email());
            assertThatThrownBy(() -> profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242")))
                    .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("does not accept credit/debit card");
            assertThat(profiles.bankForOnePayment(PaymentFixtures.bank()).onFile()).isFalse();
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
        assertThat(count("select count(*) from payment_profiles where customer_id = ? and kind = 'CARD'", b.id())).isZero();
    }

    private <T> T asAdmin(Supplier<T> work) {
        var own = org.springframework.security.core.context.SecurityContextHolder.getContext();
        SignIn.as(users, "admin@example.com");
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(own);
        }
    }
}

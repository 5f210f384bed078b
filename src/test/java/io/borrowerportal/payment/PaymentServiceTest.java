package io.borrowerportal.payment;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static io.borrowerportal.payment.PaymentFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payments through the customer's service, on fresh borrowers and loans (never the demo data, which
 * other tests read). The test clock runs on the wall-clock time of day, so nothing here depends on which
 * side of the cut-off "now" is: cut-off dates are covered by {@link PaymentDatesTest}.
 */
class PaymentServiceTest extends ServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @Autowired
    PaymentService service;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    AccountService accounts;
    @Autowired
    PaymentProcessing processing;
    @Autowired
    PaymentRepository repository;
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
    @Autowired
    TestClock clock;

    private Borrower signedIn(String tag) {
        Borrower borrower = PaymentFixtures.borrower(customers, servicing, tag);
        SignIn.as(users, borrower.email());
        return borrower;
    }

    private long card(String number) {
        return profiles.addCard(PaymentFixtures.card(number)).id();
    }

    private LoanFigures figures(String loanNumber) {
        return accounts.detail(loanNumber).figures();
    }

    private List<LedgerEntry> ledger(String loanNumber) {
        return accounts.detail(loanNumber).history().stream().map(HistoryRow::entry).toList();
    }

    private List<LedgerEntry> ledger(String loanNumber, EntryType type) {
        return ledger(loanNumber).stream().filter(e -> e.type() == type).toList();
    }

    private Payment stored(String confirmation) {
        return repository.findByConfirmationNumber(confirmation).orElseThrow();
    }

    @Test
    void an_approved_card_payment_completes_and_is_split_on_the_ledger() {
        Borrower b = signedIn("card-ok");
        LoanFigures before = figures(b.loanNumber());
        int paymentsBefore = ledger(b.loanNumber(), EntryType.PAYMENT).size();

        PaymentSummary paid = service.submit(custom(b.loanNumber(), "50.00", card("4242424242424242")));

        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.confirmationNumber()).startsWith("PAY-");
        assertThat(paid.total()).isEqualByComparingTo("50.00");
        assertThat(paid.convenienceFee()).isEqualByComparingTo("0.00");
        assertThat(paid.principal().add(paid.interest()).add(paid.fees())).isEqualByComparingTo("50.00");
        List<LedgerEntry> payments = ledger(b.loanNumber(), EntryType.PAYMENT);
        assertThat(payments).hasSize(paymentsBefore + 1);
        LedgerEntry entry = payments.stream().filter(e -> e.id() == stored(paid.confirmationNumber()).ledgerEntryId())
                .findFirst().orElseThrow();
        assertThat(entry.amount()).isEqualByComparingTo("50.00");
        assertThat(entry.principal().add(entry.interest()).add(entry.fees())).isEqualByComparingTo("50.00");
        assertThat(entry.principal()).isEqualByComparingTo(paid.principal());
        LoanFigures after = figures(b.loanNumber());
        assertThat(after.payoffAmount()).isEqualByComparingTo(before.payoffAmount().subtract(new BigDecimal("50.00")));
        assertThat(after.principalBalance()).isEqualByComparingTo(before.principalBalance().subtract(paid.principal()));
        assertThat(ledger(b.loanNumber(), EntryType.CONVENIENCE_FEE)).isEmpty();
        assertThat(service.payments(b.loanNumber())).extracting(PaymentSummary::confirmationNumber)
                .containsExactly(paid.confirmationNumber());
        assertThat(service.receiptPdf(b.loanNumber(), paid.confirmationNumber())).startsWith("%PDF".getBytes());
    }

    @Test
    void a_declined_card_changes_nothing_on_the_loan() {
        Borrower b = signedIn("card-declined");
        LoanFigures before = figures(b.loanNumber());
        List<LedgerEntry> ledgerBefore = ledger(b.loanNumber());

        PaymentSummary declined = service.submit(custom(b.loanNumber(), "50.00", card("4000000000000002")));

        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.statusReason()).contains("declined");
        assertThat(declined.principal()).isNull();
        assertThat(stored(declined.confirmationNumber()).ledgerEntryId()).isNull();
        assertThat(ledger(b.loanNumber())).isEqualTo(ledgerBefore);
        LoanFigures after = figures(b.loanNumber());
        assertThat(after.payoffAmount()).isEqualByComparingTo(before.payoffAmount());
        assertThat(after.principalBalance()).isEqualByComparingTo(before.principalBalance());
        assertThat(after.amountDue()).isEqualByComparingTo(before.amountDue());
    }

    @Test
    void insufficient_funds_and_expired_cards_decline_with_their_reasons() {
        Borrower b = signedIn("card-funds");
        PaymentSummary funds = service.submit(custom(b.loanNumber(), "20.00", card("4000000000009995")));
        PaymentSummary expired = service.submit(custom(b.loanNumber(), "20.00", card("4000000000000069")));

        assertThat(funds.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(funds.statusReason()).contains("insufficient funds");
        assertThat(expired.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(expired.statusReason()).contains("expired");
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).hasSize(1); // the fixture's first installment only
    }

    @Test
    void a_processor_error_stays_processing_with_a_reason_until_the_processor_is_asked_again() {
        Borrower b = signedIn("card-error");
        LoanFigures before = figures(b.loanNumber());

        PaymentSummary waiting = service.submit(custom(b.loanNumber(), "30.00", card("4000000000000119")));

        assertThat(waiting.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(waiting.statusReason()).isEqualTo(PaymentLifecycle.WAITING_FOR_PROCESSOR);
        assertThat(waiting.steps()).extracting(PaymentSummary.Step::note)
                .anySatisfy(note -> assertThat(note).contains("did not answer"));
        // Money with the processor counts against the payoff: paying it all now is refused.
        assertThatThrownBy(() -> service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                before.payoffAmount(), card("4242424242424242"), null, key())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("more than the payoff");

        // The reconcile job leaves a charge alone for its first minute: it may still be answered.
        SystemTask.call(processing::reconcileProcessing);
        assertThat(service.payment(b.loanNumber(), waiting.confirmationNumber()).status())
                .isEqualTo(PaymentStatus.PROCESSING);

        // A day later the job asks the processor again, which never charged it.
        clock.moveTo(TODAY.plusDays(1));
        try {
            SystemTask.call(processing::reconcileProcessing);
        } finally {
            clock.reset();
        }

        PaymentSummary after = service.payment(b.loanNumber(), waiting.confirmationNumber());
        assertThat(after.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(after.statusReason()).contains("not charged");
        assertThat(figures(b.loanNumber()).payoffAmount()).isEqualByComparingTo(before.payoffAmount());
    }

    @Test
    void a_convenience_fee_is_charged_on_top_and_never_applied_to_the_loan() {
        Borrower b = signedIn("card-fee");
        long profile = card("4242424242424242");
        PaymentSettings original = settings.payments();
        SignIn.as(users, "admin@example.com");
        settings.updatePayments(original.withFees(FeeRule.flat("2.50"), original.bankFee()));
        try {
            SignIn.as(users, b.email());
            LoanFigures before = figures(b.loanNumber());
            PaymentQuote quote = service.quote(custom(b.loanNumber(), "50.00", profile));
            assertThat(quote.convenienceFee()).isEqualByComparingTo("2.50");
            assertThat(quote.total()).isEqualByComparingTo("52.50");

            PaymentSummary paid = service.submit(custom(b.loanNumber(), "50.00", profile));

            assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
            assertThat(paid.amount()).isEqualByComparingTo("50.00");
            assertThat(paid.convenienceFee()).isEqualByComparingTo("2.50");
            assertThat(paid.total()).isEqualByComparingTo("52.50");
            assertThat(ledger(b.loanNumber(), EntryType.CONVENIENCE_FEE)).singleElement()
                    .satisfies(fee -> assertThat(fee.amount()).isEqualByComparingTo("2.50"));
            LoanFigures after = figures(b.loanNumber());
            assertThat(after.payoffAmount()).isEqualByComparingTo(before.payoffAmount().subtract(new BigDecimal("50.00")));
            assertThat(after.principalBalance()).isEqualByComparingTo(before.principalBalance().subtract(paid.principal()));
            assertThat(after.feesDue()).isEqualByComparingTo(before.feesDue());
        } finally {
            SignIn.as(users, "admin@example.com");
            settings.updatePayments(original);
        }
    }

    @Test
    void a_payoff_payment_pays_the_loan_off_and_nothing_more_can_be_paid() {
        Borrower b = signedIn("payoff");
        long profile = card("4242424242424242");
        BigDecimal payoff = figures(b.loanNumber()).payoffAmount();

        PaymentSummary paid = service.submit(new PaymentRequest(b.loanNumber(), PaymentType.PAYOFF, null, profile,
                null, key()));

        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.amount()).isEqualByComparingTo(payoff);
        LoanFigures after = figures(b.loanNumber());
        assertThat(after.status()).isEqualTo(LoanStatus.PAID_OFF);
        assertThat(after.payoffAmount()).isEqualByComparingTo("0.00");
        assertThat(service.options(b.loanNumber()).refusal()).contains("paid off");
        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "10.00", profile)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("paid off");
    }

    @Test
    void a_bank_payment_with_a_new_profile_is_pending_and_applied_at_once() {
        Borrower b = signedIn("bank");
        ProfileSummary bank = profiles.addBank(PaymentFixtures.bank());
        assertThat(bank.label()).endsWith("9012");
        assertThat(bank.routingNumber()).isEqualTo(PaymentFixtures.ROUTING);
        LoanFigures before = figures(b.loanNumber());

        PaymentSummary paid = service.submit(custom(b.loanNumber(), "75.00", bank.id()));

        assertThat(paid.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(paid.channel()).isEqualTo(PaymentChannel.BANK);
        assertThat(paid.applyDate()).isEqualTo(TODAY);
        assertThat(paid.processDate()).isBetween(TODAY, TODAY.plusDays(1)); // after the cut-off: Friday
        assertThat(paid.principal().add(paid.interest()).add(paid.fees())).isEqualByComparingTo("75.00");
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(stored(paid.confirmationNumber()).ledgerEntryId());
            assertThat(e.amount()).isEqualByComparingTo("75.00");
        });
        assertThat(figures(b.loanNumber()).payoffAmount())
                .isEqualByComparingTo(before.payoffAmount().subtract(new BigDecimal("75.00")));
    }

    @Test
    void a_future_dated_payment_is_scheduled_and_can_be_cancelled_once() {
        Borrower b = signedIn("scheduled");
        long bank = profiles.addBank(PaymentFixtures.bank()).id();
        LoanFigures before = figures(b.loanNumber());
        LocalDate sunday = LocalDate.of(2026, 12, 13);

        PaymentSummary scheduled = service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("40.00"), bank, sunday, key()));

        assertThat(scheduled.status()).isEqualTo(PaymentStatus.SCHEDULED);
        assertThat(scheduled.applyDate()).isEqualTo(sunday);
        assertThat(scheduled.processDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(scheduled.cancellable()).isTrue();
        assertThat(figures(b.loanNumber()).payoffAmount()).isEqualByComparingTo(before.payoffAmount());

        PaymentSummary cancelled = service.cancel(b.loanNumber(), scheduled.confirmationNumber());
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.cancellable()).isFalse();
        assertThatThrownBy(() -> service.cancel(b.loanNumber(), scheduled.confirmationNumber()))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("can no longer be cancelled");
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).hasSize(1);
    }

    @Test
    void a_payment_dated_in_the_past_or_beyond_the_window_is_refused() {
        Borrower b = signedIn("dates");
        long profile = card("4242424242424242");
        assertThatThrownBy(() -> service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("40.00"), profile, TODAY.minusDays(1), key())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("past");
        int window = settings.payments().maxDaysAhead();
        assertThatThrownBy(() -> service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("40.00"), profile, TODAY.plusDays(window + 1), key())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("days ahead");
        assertThat(service.payments(b.loanNumber())).isEmpty();
    }

    @Test
    void a_scheduled_payment_is_made_when_its_date_comes() {
        Borrower b = signedIn("scheduled-due");
        long card = card("4242424242424242");
        long bank = profiles.addBank(PaymentFixtures.bank()).id();
        PaymentSummary byCard = service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("41.00"), card, TODAY.plusDays(5), key()));
        PaymentSummary byBank = service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("42.00"), bank, TODAY.plusDays(5), key()));
        LoanFigures before = figures(b.loanNumber());
        // The test clock cannot move: bring the payments' date to today, as if today had come.
        jdbc.update("update payments set process_date = ?, apply_date = ? where confirmation_number in (?, ?)",
                TODAY, TODAY, byCard.confirmationNumber(), byBank.confirmationNumber());

        assertThat(SystemTask.call(processing::processScheduled)).isGreaterThanOrEqualTo(2);

        assertThat(service.payment(b.loanNumber(), byCard.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(service.payment(b.loanNumber(), byBank.confirmationNumber()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(figures(b.loanNumber()).payoffAmount())
                .isEqualByComparingTo(before.payoffAmount().subtract(new BigDecimal("83.00")));
        assertThat(SystemTask.call(processing::processScheduled)).isZero();
    }

    @Test
    void the_same_request_submitted_twice_makes_one_payment() {
        Borrower b = signedIn("twice");
        PaymentRequest request = custom(b.loanNumber(), "25.00", card("4242424242424242"));

        PaymentSummary first = service.submit(request);
        PaymentSummary second = service.submit(request);

        assertThat(second.confirmationNumber()).isEqualTo(first.confirmationNumber());
        assertThat(second.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select count(*) from payments where idempotency_key = ?", Integer.class,
                request.idempotencyKey())).isEqualTo(1);
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).hasSize(2);
    }

    @Test
    void fifty_concurrent_submissions_of_one_form_make_one_payment() throws Exception {
        Borrower b = signedIn("fifty");
        PaymentRequest request = custom(b.loanNumber(), "25.00", card("4242424242424242"));
        BigDecimal payoffBefore = figures(b.loanNumber()).payoffAmount();

        List<PaymentSummary> answers = concurrently(50, i -> {
            SignIn.as(users, b.email());
            try {
                return service.submit(request);
            } finally {
                SignIn.out();
            }
        });

        assertThat(answers).extracting(PaymentSummary::confirmationNumber).containsOnly(answers.getFirst().confirmationNumber());
        assertThat(jdbc.queryForObject("select count(*) from payments where idempotency_key = ?", Integer.class,
                request.idempotencyKey())).isEqualTo(1);
        assertThat(service.payment(b.loanNumber(), answers.getFirst().confirmationNumber()).status())
                .isEqualTo(PaymentStatus.COMPLETED);
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).hasSize(2);
        assertThat(figures(b.loanNumber()).payoffAmount()).isEqualByComparingTo(payoffBefore.subtract(new BigDecimal("25.00")));
    }

    @Test
    void two_different_payments_on_one_loan_at_the_same_moment_both_apply() throws Exception {
        Borrower b = signedIn("two-at-once");
        long card = card("4242424242424242");
        long bank = profiles.addBank(PaymentFixtures.bank()).id();
        BigDecimal payoffBefore = figures(b.loanNumber()).payoffAmount();
        List<PaymentRequest> requests = List.of(custom(b.loanNumber(), "31.00", card), custom(b.loanNumber(), "17.00", bank));

        List<PaymentSummary> answers = concurrently(2, i -> {
            SignIn.as(users, b.email());
            try {
                return service.submit(requests.get(i));
            } finally {
                SignIn.out();
            }
        });

        assertThat(answers).extracting(PaymentSummary::confirmationNumber).doesNotHaveDuplicates();
        assertThat(answers).extracting(PaymentSummary::status)
                .containsExactlyInAnyOrder(PaymentStatus.COMPLETED, PaymentStatus.PENDING);
        assertThat(ledger(b.loanNumber(), EntryType.PAYMENT)).hasSize(3);
        assertThat(figures(b.loanNumber()).payoffAmount()).isEqualByComparingTo(payoffBefore.subtract(new BigDecimal("48.00")));
    }

    @Test
    void a_customer_cannot_pay_on_another_customers_loan_or_with_their_profile() {
        Borrower other = signedIn("owner");
        long othersCard = card("4242424242424242");
        Borrower b = signedIn("intruder");
        long mine = card("4242424242424242");

        assertThatThrownBy(() -> service.submit(custom("PL-200988", "20.00", mine)))
                .isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> service.submit(custom(other.loanNumber(), "20.00", mine)))
                .isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "20.00", othersCard)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> service.quote(custom(b.loanNumber(), "20.00", othersCard)))
                .isInstanceOf(PaymentRefusedException.class);
        assertThat(jdbc.queryForObject("select count(*) from payments where customer_id = ?", Integer.class, b.id())).isZero();
        SignIn.as(users, other.email());
        assertThat(service.payments(other.loanNumber())).isEmpty();
    }

    @Test
    void a_form_key_issued_to_another_customer_is_refused_not_answered_with_their_payment() {
        Borrower b = signedIn("key-reuse");
        long profile = card("4242424242424242");
        PaymentRequest first = custom(b.loanNumber(), "20.00", profile);
        service.submit(first);
        Borrower other = signedIn("key-thief");
        long othersCard = card("4242424242424242");
        assertThatThrownBy(() -> service.submit(new PaymentRequest(other.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("20.00"), othersCard, null, first.idempotencyKey())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("not opened by you");
        assertThat(jdbc.queryForObject("select count(*) from payments where customer_id = ?", Integer.class, other.id()))
                .isZero();
    }

    @Test
    void a_key_the_server_did_not_issue_is_refused_and_nothing_is_written() {
        Borrower b = signedIn("made-up-key");
        long profile = card("4242424242424242");
        String madeUp = java.util.UUID.randomUUID().toString();
        String issued = service.options(b.loanNumber()).idempotencyKey();
        String tampered = issued.substring(0, issued.length() - 1) + (issued.endsWith("A") ? "B" : "A");

        for (String key : java.util.Arrays.asList(madeUp, tampered, null)) {
            assertThatThrownBy(() -> service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                    new BigDecimal("20.00"), profile, null, key)))
                    .isInstanceOf(PaymentRefusedException.class)
                    .hasMessage("This payment form was not opened by you, or has expired. Start the payment again.");
        }
        assertThat(jdbc.queryForObject("select count(*) from payments where customer_id = ?", Integer.class, b.id()))
                .isZero();
        assertThat(service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM, new BigDecimal("20.00"),
                profile, null, issued)).status()).as("the key the form was given").isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_customer_cannot_use_a_key_of_autopays_reserved_form() {
        Borrower b = signedIn("autopay-prefix");
        long profile = card("4242424242424242");
        String autopayKey = StandingOrder.KEY_PREFIX + "1-" + TODAY.plusDays(3).toString().replace("-", "");

        assertThatThrownBy(() -> service.submit(new PaymentRequest(b.loanNumber(), PaymentType.CUSTOM,
                new BigDecimal("20.00"), profile, null, autopayKey)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("reserved for scheduled instructions");
        assertThat(jdbc.queryForObject("select count(*) from payments where idempotency_key = ? or customer_id = ?",
                Integer.class, autopayKey, b.id())).isZero();
        assertThatThrownBy(() -> new StandingOrder("AutoPay", "AP-1", b.id(), b.loanNumber(), profile,
                service.options(b.loanNumber()).idempotencyKey(), null))
                .as("a standing order only takes keys of its own form").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staff_previewing_a_customer_cannot_pay_and_nothing_is_stored() {
        Borrower b = signedIn("previewed");
        long profile = card("4242424242424242");
        SignIn.as(users, "staff@example.com");
        previews.start(b.id(), context -> { });
        PaymentRequest request = custom(b.loanNumber(), "20.00", profile);

        assertThat(service.options(b.loanNumber()).loanNumber()).isEqualTo(b.loanNumber());
        assertThatThrownBy(() -> service.submit(request)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> profiles.addCard(PaymentFixtures.card("4242424242424242")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from payments where idempotency_key = ?", Integer.class,
                request.idempotencyKey())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payments where customer_id = ?", Integer.class, b.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payment_profiles where customer_id = ?", Integer.class, b.id())).isEqualTo(1);
    }

    @Test
    void staff_are_not_customers_here() {
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> service.options("AUTO-100482")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_card_number_and_cvv_are_never_stored() {
        Borrower b = signedIn("no-pan");
        String number = luhnValidVisa();
        ProfileSummary card = profiles.addCard(new NewCardProfile("Everyday", "Pat Payer", number, 11, 2031, "739",
                "19801", true));
        service.submit(custom(b.loanNumber(), "20.00", card.id()));
        assertThat(card.lastFour()).isEqualTo(number.substring(12));

        // Only this test's rows: the shared database holds other tests' data. SecretScan skips digit runs inside
        // identifiers (a hex charge id, a UUID), which pass the Luhn check by chance and are no card number.
        SecretScan scan = new SecretScan("739");
        for (String table : List.of("payment_profiles", "payments")) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where customer_id = ?", b.id());
            assertThat(rows).as(table).isNotEmpty();
            for (Map<String, Object> row : rows) {
                row.forEach((column, value) -> {
                    if (value instanceof String text && !column.equalsIgnoreCase("trace_number")) {
                        assertThat(text.replaceAll("[ -]", "")).as(table + "." + column).doesNotContain(number);
                        scan.text(table + "." + column, text);
                    }
                });
            }
        }
        assertThat(scan.findings()).as("card data").isEmpty();
        List<Map<String, Object>> mine = jdbc.queryForList("select * from payment_profiles where id = ?", card.id());
        assertThat(mine).singleElement().satisfies(row -> row.forEach((column, value) -> {
            if (value instanceof String text && !column.equalsIgnoreCase("card_token")) {
                assertThat(text).as(column).doesNotContain("739");
            }
        }));
    }

    /** A fresh Visa number, never the demo card and never holding the test's CVV (its last four are stored). */
    private static String luhnValidVisa() {
        StringBuilder body = new StringBuilder("4");
        while (body.length() < 15) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        try {
            String number = body + LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body.toString());
            return number.equals("4242424242424242") || number.contains("739") ? luhnValidVisa() : number;
        } catch (org.apache.commons.validator.routines.checkdigit.CheckDigitException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} tasks released at the same instant, one per thread, and returns their answers. */
    private static <T> List<T> concurrently(int n, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.run(index);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

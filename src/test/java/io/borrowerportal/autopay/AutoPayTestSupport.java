package io.borrowerportal.autopay;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shared set-up of the AutoPay service tests: fresh borrowers with fresh loans and bank accounts (never the
 * demo data), terms, scheduling through the review as the wizard does, the test clock, and the lender's
 * settings put back after each test.
 */
abstract class AutoPayTestSupport extends ServiceTest {

    /** The test context's business date; the fixture loans' next installment is due on Christmas Day. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    static final LocalDate MONDAY_AFTER = LocalDate.of(2026, 12, 28);

    /** Where the tests' browser connects from, as the wizard passes it with an authorization. */
    static final String CLIENT = "203.0.113.7";

    @Autowired
    AutoPayService service;
    @Autowired
    AutoPayReviews reviews;
    @Autowired
    AutoPayQueries queries;
    @Autowired
    AutoPayOperations operations;
    @Autowired
    AutoPayRunner runner;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private AutoPaySettings autopayBefore;
    private PaymentSettings paymentsBefore;

    @BeforeEach
    void rememberSettings() {
        autopayBefore = settings.autopay();
        paymentsBefore = settings.payments();
    }

    @AfterEach
    void restoreSettingsAndClock() {
        clock.reset();
        runner.interruptWith(null);
        asAdmin(() -> {
            settings.updateAutopay(autopayBefore);
            settings.updatePayments(paymentsBefore);
            return null;
        });
    }

    /** A new borrower (see {@link PaymentFixtures#borrower}), signed in, with a checking account of their own. */
    Customer signedIn(String tag) {
        Borrower borrower = PaymentFixtures.borrower(customers, servicing, tag);
        SignIn.as(users, borrower.email());
        long bank = profiles.addBank(PaymentFixtures.bank(PaymentFixtures.uniqueAccountNumber())).id();
        return new Customer(borrower, bank);
    }

    record Customer(Borrower borrower, long bankProfile) {
        String loan() {
            return borrower.loanNumber();
        }
    }

    static AutoPayTerms monthly(long profile, LocalDate start) {
        return new AutoPayTerms(profile, AutoPayFrequency.MONTHLY, AutoPayAmountType.SCHEDULED_PAYMENT, null, start,
                null, false, true);
    }

    static AutoPayTerms fixed(long profile, AutoPayFrequency frequency, String amount, LocalDate start) {
        return new AutoPayTerms(profile, frequency, AutoPayAmountType.FIXED, new BigDecimal(amount), start, null,
                false, false);
    }

    /** Schedules as the wizard does: review, then accept exactly the authorization the review showed. */
    AutoPaySummary schedule(String loan, AutoPayTerms terms) {
        return service.schedule(loan, terms, reviews.review(loan, null, terms).authorizationText(), CLIENT);
    }

    AutoPaySummary change(String loan, String reference, AutoPayTerms terms) {
        return service.change(loan, reference, terms, reviews.review(loan, reference, terms).authorizationText(),
                CLIENT);
    }

    /** Runs AutoPay as the daily job would on {@code date}, with the business clock moved to that date. */
    AutoPayRunReport runOn(LocalDate date) {
        clock.moveTo(date);
        return SystemTask.call(() -> operations.run(date));
    }

    <T> T asAdmin(Supplier<T> work) {
        var own = org.springframework.security.core.context.SecurityContextHolder.getContext();
        SignIn.as(users, "admin@example.com");
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(own);
        }
    }

    <T> T as(String email, Supplier<T> work) {
        var own = org.springframework.security.core.context.SecurityContextHolder.getContext();
        SignIn.as(users, email);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(own);
        }
    }

    int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /**
     * What the runs recorded for one AutoPay, by due date: PAID, SKIPPED, ENDED or FAILED. A run's report counts
     * every AutoPay due in the shared database, other tests' too; this is the test's own. An AutoPay a run could
     * not process (an error, retried next run) has no row for that date.
     */
    List<String> runOutcomes(String reference) {
        return jdbc.queryForList("select r.outcome from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ? order by r.due_date", String.class, reference);
    }

    List<OutboxMessage> mailTo(String email) {
        return SystemTask.call(() -> mailer.recent(email, 50));
    }
}

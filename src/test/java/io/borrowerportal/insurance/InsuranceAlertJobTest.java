package io.borrowerportal.insurance;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily insurance alert job, run by hand (jobs are off in tests) on the test clock: each event is emailed
 * once to every customer on the loan, however often and on however many days the job runs.
 */
class InsuranceAlertJobTest extends ServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @Autowired
    InsuranceService insurance;
    @Autowired
    InsuranceReviews reviews;
    @Autowired
    InsuranceAlertEmails alertEmails;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    Mailer mailer;
    @Autowired
    SettingsService settings;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToTheTestDate() {
        clock.reset();
    }

    @Test
    void coverage_ending_soon_is_emailed_once_then_its_end_once_and_a_renewal_is_a_new_event() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-job");
        PolicyVersionSummary first = submitAndVerify(loan, "KM-J1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25));

        runJob();
        runJob();
        assertThat(subjects(loan.borrowerEmail())).containsExactly("Insurance ending soon: loan " + loan.loanNumber());
        assertThat(subjects(loan.coBorrowerEmail())).containsExactly("Insurance ending soon: loan " + loan.loanNumber());
        assertThat(mail(loan.borrowerEmail()).getFirst().body()).contains("ends on December 25, 2026 (in 15 days)");

        clock.moveTo(TODAY.plusDays(1));
        runJob();
        assertThat(subjects(loan.borrowerEmail())).hasSize(1);

        clock.moveTo(LocalDate.of(2026, 12, 26));
        runJob();
        runJob();
        assertThat(subjects(loan.borrowerEmail())).containsExactly("Insurance ended: loan " + loan.loanNumber(),
                "Insurance ending soon: loan " + loan.loanNumber());
        clock.moveTo(LocalDate.of(2026, 12, 27));
        runJob();
        assertThat(subjects(loan.borrowerEmail())).hasSize(2);
        assertThat(sentEvents(loan.loanNumber())).containsExactlyInAnyOrder(first.id() + " EXPIRING", first.id() + " EXPIRED");

        // The renewed policy runs a year: no alert now, its own "ending soon" when its end comes near.
        PolicyVersionSummary renewal = submitAndVerify(loan, "KM-J2", LocalDate.of(2026, 12, 25), LocalDate.of(2027, 12, 25));
        runJob();
        assertThat(subjects(loan.borrowerEmail())).hasSize(2);
        clock.moveTo(LocalDate.of(2027, 12, 1));
        runJob();
        runJob();
        assertThat(subjects(loan.borrowerEmail())).hasSize(3).first()
                .isEqualTo("Insurance ending soon: loan " + loan.loanNumber());
        assertThat(sentEvents(loan.loanNumber())).contains(renewal.id() + " EXPIRING").hasSize(3);
    }

    @Test
    void a_collateralized_loan_without_a_policy_is_emailed_once_that_insurance_is_needed() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-missing");

        runJob();
        clock.moveTo(TODAY.plusDays(1));
        runJob();
        assertThat(subjects(loan.borrowerEmail())).containsExactly("Insurance needed: loan " + loan.loanNumber());
        assertThat(subjects(loan.coBorrowerEmail())).containsExactly("Insurance needed: loan " + loan.loanNumber());
        assertThat(sentEvents(loan.loanNumber())).containsExactly("0 MISSING");
    }

    @Test
    void a_paid_off_loan_without_a_policy_is_not_emailed() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-paid");
        SystemTask.call(() -> servicing.postPayment(loan.loanNumber(), TODAY,
                servicing.figures(loan.loanNumber(), TODAY).payoffAmount(), PaymentKind.REGULAR, "Paid off"));

        runJob();
        assertThat(subjects(loan.borrowerEmail())).isEmpty();
        assertThat(sentEvents(loan.loanNumber())).isEmpty();
    }

    @Test
    void a_waiting_submission_counts_as_on_file_and_nothing_is_sent_while_insurance_is_off() {
        InsuranceFixtures.Loan waiting = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-wait");
        SignIn.as(users, waiting.borrowerEmail());
        insurance.submit(waiting.loanNumber(), InsuranceFixtures.policy("KM-W"), null);
        SignIn.out();
        InsuranceFixtures.Loan off = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-off");

        WebsiteSettings before = settings.current();
        SignIn.as(users, "admin@example.com");
        settings.update(before.withInsurance(false, before.insuranceWarnDays()));
        try {
            assertThat(SystemTask.call(alertEmails::sendDue)).isZero();
            assertThat(subjects(off.borrowerEmail())).isEmpty();
        } finally {
            SignIn.as(users, "admin@example.com");
            settings.update(before);
            SignIn.out();
        }
        runJob();
        assertThat(subjects(waiting.borrowerEmail())).isEmpty();
        assertThat(subjects(off.borrowerEmail())).containsExactly("Insurance needed: loan " + off.loanNumber());
    }

    /** The scheduled job's own method, as the scheduler calls it (no sign-in; it runs as the system). */
    private void runJob() {
        new InsuranceAlertJobs(alertEmails, clock).emailAlerts();
    }

    private PolicyVersionSummary submitAndVerify(InsuranceFixtures.Loan loan, String number, LocalDate start,
                                                 LocalDate end) {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary submitted = insurance.submit(loan.loanNumber(),
                InsuranceFixtures.policy(number, start, end), null);
        SignIn.as(users, "staff@example.com");
        reviews.verify(submitted.id());
        SignIn.out();
        return submitted;
    }

    private List<OutboxMessage> mail(String email) {
        return SystemTask.call(() -> mailer.recent(email, 50));
    }

    /** Newest first. */
    private List<String> subjects(String email) {
        return mail(email).stream().map(OutboxMessage::subject).toList();
    }

    private List<String> sentEvents(String loanNumber) {
        return jdbc.queryForList("""
                select concat(s.policy_version_id, ' ', s.kind) from insurance_alerts_sent s
                join loan_accounts a on a.id = s.account_id where a.loan_number = ?""", String.class, loanNumber);
    }
}

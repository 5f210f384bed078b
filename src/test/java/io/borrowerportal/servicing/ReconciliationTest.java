package io.borrowerportal.servicing;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.common.JobLocks;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconciliation on the shared database (decision 032). Other tests' loans may carry servicer balances too, so
 * every assertion looks at this test's own loans within a run's list.
 */
class ReconciliationTest extends ServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    @Autowired
    ServicingLoans loans;
    @Autowired
    ServicingLedger ledger;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    LoanServicing loanServicing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    private String loanNumber;

    @BeforeEach
    void newLoanNumber() {
        loanNumber = "RC" + RUN + "-" + NEXT.incrementAndGet();
    }

    @Test
    void equal_balances_are_not_listed_and_a_cent_is_rounding_but_two_cents_differ() {
        String equal = loanNumber;
        String cent = equal + "C";
        String twoCents = equal + "T";
        asServicer(() -> {
            loans.upsert(loan(equal, "5000.00", LocalDate.of(2026, 12, 1)));
            loans.upsert(loan(cent, "5000.01", LocalDate.of(2026, 12, 1)));
            loans.upsert(loan(twoCents, "4999.98", LocalDate.of(2026, 12, 1)));
        });

        ReconciliationRunSummary run = asStaff(() -> reconciliation.runNow().orElseThrow());

        assertThat(listed(run, equal)).isEmpty();
        assertThat(listed(run, cent)).as("one cent either way is rounding").isEmpty();
        assertThat(listed(run, twoCents)).singleElement().satisfies(d -> {
            assertThat(d.servicerBalance()).isEqualByComparingTo("4999.98");
            assertThat(d.portalBalance()).isEqualByComparingTo("5000.00");
            assertThat(d.difference()).isEqualByComparingTo("-0.02");
            assertThat(d.asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
        });
        assertThat(run.compared()).isGreaterThanOrEqualTo(3);
        assertThat(underReview(equal)).isFalse();
        assertThat(underReview(cent)).isFalse();
        assertThat(underReview(twoCents)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'BALANCE_REVIEW_STARTED' "
                + "and loan_number = ? and actor = 'staff@example.com'", Integer.class, twoCents)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'RECONCILIATION_RUN' "
                + "and detail like ?", Integer.class, "Reconciliation run " + run.id() + " (on demand)%")).isOne();
    }

    @Test
    void the_portal_balance_is_taken_as_of_the_servicers_date_with_both_last_entries() {
        asServicer(() -> {
            loans.upsert(loan(loanNumber, null, null));
            ledger.append(loanNumber, new ServicerEntry("P1", ServicerEntryKind.PAYMENT, LocalDate.of(2026, 2, 15),
                    new BigDecimal("150.00"), new BigDecimal("100.00"), new BigDecimal("50.00"), BigDecimal.ZERO,
                    null, null, "Payment"));
            // As of the day before the payment the servicer's 5,000 is right, though today's balance is 4,900.
            loans.upsert(loan(loanNumber, "5000.00", LocalDate.of(2026, 2, 14)));
        });
        long fee = SystemTask.call(() -> loanServicing.postFee(loanNumber, LocalDate.of(2026, 3, 20),
                new BigDecimal("25.00"), "Late fee").id());
        ReconciliationRunSummary agreed = asStaff(() -> reconciliation.runNow().orElseThrow());
        assertThat(listed(agreed, loanNumber)).isEmpty();

        asServicer(() -> loans.upsert(loan(loanNumber, "4950.00", LocalDate.of(2026, 3, 31))));
        ReconciliationRunSummary run = asStaff(() -> reconciliation.runNow().orElseThrow());

        long payment = jdbc.queryForObject("select e.ledger_entry_id from servicer_entries e join loan_accounts a "
                + "on a.id = e.account_id where a.loan_number = ? and e.servicer_entry_id = 'P1'", Long.class, loanNumber);
        assertThat(listed(run, loanNumber)).singleElement().satisfies(d -> {
            assertThat(d.servicerBalance()).isEqualByComparingTo("4950.00");
            assertThat(d.portalBalance()).isEqualByComparingTo("4900.00");
            assertThat(d.difference()).isEqualByComparingTo("50.00");
            assertThat(d.portalLastEntry()).isEqualTo("Fee of $25.00 on 2026-03-20 (#" + fee + ")");
            assertThat(d.servicerLastEntry()).isEqualTo("P1: Payment of $150.00 on 2026-02-15 (#" + payment + ")");
        });
        assertThat(asStaff(() -> reconciliation.countDifferences(run.id()))).isEqualTo((long) run.differing());
        assertThat(asStaff(() -> reconciliation.lastRun()).map(ReconciliationRunSummary::id)).contains(run.id());
    }

    @Test
    void a_later_run_clears_a_loan_that_now_matches_and_so_does_a_matching_upsert() {
        String other = loanNumber + "U";
        asServicer(() -> {
            loans.upsert(loan(loanNumber, "4000.00", LocalDate.of(2026, 12, 1)));
            loans.upsert(loan(other, "4000.00", LocalDate.of(2026, 12, 1)));
        });
        ReconciliationRunSummary first = asStaff(() -> reconciliation.runNow().orElseThrow());
        assertThat(listed(first, loanNumber)).hasSize(1);
        assertThat(underReview(loanNumber)).isTrue();
        assertThat(underReview(other)).isTrue();

        // The servicer's figure is corrected behind the API's back: only the next run can notice.
        jdbc.update("update servicer_loans set servicer_balance = 5000.00 where account_id = "
                + "(select id from loan_accounts where loan_number = ?)", loanNumber);
        ReconciliationRunSummary second = asStaff(() -> reconciliation.runNow().orElseThrow());
        assertThat(listed(second, loanNumber)).isEmpty();
        assertThat(underReview(loanNumber)).isFalse();
        assertThat(second.cleared()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'BALANCE_REVIEW_ENDED' "
                + "and loan_number = ?", Integer.class, loanNumber)).isOne();

        // A new balance from the servicer that still differs leaves the review; one that agrees ends it at once.
        asServicer(() -> loans.upsert(loan(other, "4500.00", LocalDate.of(2026, 12, 1))));
        assertThat(underReview(other)).isTrue();
        asServicer(() -> loans.upsert(loan(other, "5000.00", LocalDate.of(2026, 12, 1))));
        assertThat(underReview(other)).isFalse();
        assertThat(jdbc.queryForObject("select actor from audit_events where action = 'BALANCE_REVIEW_ENDED' "
                + "and loan_number = ?", String.class, other)).isEqualTo("servicer:loanpro-test");
    }

    @Test
    void the_nightly_job_runs_once_per_business_date_under_the_lock() throws Exception {
        ReconciliationJobs jobs = new ReconciliationJobs(reconciliation, LocalTime.of(2, 30), clock);
        LocalDate today = LocalDate.now(clock);
        jdbc.update("delete from reconciliation_differences where run_id in (select id from reconciliation_runs "
                + "where run_trigger = 'NIGHTLY' and business_date = ?)", today);
        jdbc.update("delete from reconciliation_runs where run_trigger = 'NIGHTLY' and business_date = ?", today);

        SimpleLock held = JobLocks.tryLock(dataSource, Reconciliation.LOCK, Duration.ofMinutes(1), clock).orElseThrow();
        try {
            assertThat(jobs.runIfDue()).as("another node holds the lock").isEmpty();
            assertThat(asStaff(() -> reconciliation.runNow())).as("Run now waits for it too").isEmpty();
        } finally {
            held.unlock();
        }
        assertThat(nightlyRuns(today)).isZero();

        // Two nodes look at the same moment: one runs it, the other is refused the lock or finds it done.
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Optional<ReconciliationRunSummary>> look = jobs::runIfDue;
            List<Future<Optional<ReconciliationRunSummary>>> looks = new ArrayList<>(nodes.invokeAll(List.of(look, look)));
            long ran = 0;
            for (Future<Optional<ReconciliationRunSummary>> result : looks) {
                ran += result.get().isPresent() ? 1 : 0;
            }
            assertThat(ran).isOne();
        } finally {
            nodes.shutdown();
        }
        assertThat(jobs.runIfDue()).as("later looks find the date's run done").isEmpty();
        assertThat(nightlyRuns(today)).isOne();
        assertThat(jdbc.queryForObject("select run_by from reconciliation_runs where run_trigger = 'NIGHTLY' "
                + "and business_date = ?", String.class, today)).isEqualTo("system");
        assertThat(new ReconciliationJobs(reconciliation, LocalTime.of(23, 59), clock).runIfDue())
                .as("before its time").isEmpty();
    }

    @Test
    void a_customer_cannot_run_or_read_it_and_staff_cannot_run_the_nightly_run() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> reconciliation.runNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reconciliation.lastRun()).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> reconciliation.runNightly(LocalDate.now(clock))).isInstanceOf(AccessDeniedException.class);
    }

    private long nightlyRuns(LocalDate date) {
        return jdbc.queryForObject("select count(*) from reconciliation_runs where run_trigger = 'NIGHTLY' "
                + "and business_date = ?", Long.class, date);
    }

    private List<BalanceDifference> listed(ReconciliationRunSummary run, String loan) {
        return asStaff(() -> reconciliation.differences(run.id(), 0, 100_000)).stream()
                .filter(d -> d.loanNumber().equals(loan)).toList();
    }

    private boolean underReview(String loan) {
        return jdbc.queryForObject("select balance_review_since is not null from loan_accounts where loan_number = ?",
                Boolean.class, loan);
    }

    private <T> T asStaff(java.util.function.Supplier<T> work) {
        SignIn.as(users, "staff@example.com");
        try {
            return work.get();
        } finally {
            SignIn.out();
        }
    }

    private static void asServicer(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "loanpro-test", null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static LoanUpsert loan(String number, String servicerBalance, LocalDate asOf) {
        return new LoanUpsert(number, "HOME", new BigDecimal("5000.00"), new BigDecimal("9.0000"), 12, START,
                START.plusMonths(1), null, null, null, servicerBalance == null ? null : new BigDecimal(servicerBalance),
                asOf);
    }
}

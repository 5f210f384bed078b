package io.borrowerportal.servicing;

import io.borrowerportal.account.AccountLedger;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.JobLocks;
import io.borrowerportal.common.Money;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares the servicer's balance of every loan it sent one for with the portal's own, as of the servicer's date
 * (decision 032), lists the loans that differ by more than a cent with both figures and each side's last entry,
 * puts their balances under review (customers see a notice instead of the figures) and releases the loans under
 * review that now agree. Nightly and on demand; either way under the job lock {@link #LOCK}, so two runs never
 * interleave, on one node or several. A run is one transaction: its list, its counts and the review flags it
 * sets commit together or not at all.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class Reconciliation {

    /** The ShedLock lock the nightly job and "Run now" share. */
    public static final String LOCK = "reconciliation-run";
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    private static final int PAGE = 500;

    private final ServicerLoanRepository servicerLoans;
    private final ReceivedEntryRepository received;
    private final ReconciliationRunRepository runs;
    private final ReconciliationDifferenceRepository differences;
    private final BalanceReviews reviews;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reconciliation(ServicerLoanRepository servicerLoans, ReceivedEntryRepository received,
                   ReconciliationRunRepository runs, ReconciliationDifferenceRepository differences,
                   BalanceReviews reviews, AuditService audit, CurrentUser currentUser, DataSource dataSource,
                   EntityManager entityManager, PlatformTransactionManager transactions, Clock clock) {
        this.servicerLoans = servicerLoans;
        this.received = received;
        this.runs = runs;
        this.differences = differences;
        this.reviews = reviews;
        this.audit = audit;
        this.currentUser = currentUser;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A staff member's "Run now"; empty while another run holds the lock. */
    public Optional<ReconciliationRunSummary> runNow() {
        return locked(() -> run(ReconciliationTrigger.ON_DEMAND));
    }

    /**
     * The nightly run for a business date: empty when that date's nightly run is already recorded (the job looks
     * again every few minutes after its time) or another run holds the lock.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Optional<ReconciliationRunSummary> runNightly(LocalDate businessDate) {
        return locked(() -> runs.existsByRunTriggerAndBusinessDate(ReconciliationTrigger.NIGHTLY, businessDate)
                ? null : run(ReconciliationTrigger.NIGHTLY));
    }

    @Transactional(readOnly = true)
    public Optional<ReconciliationRunSummary> lastRun() {
        return runs.findFirstByOrderByIdDesc().map(ReconciliationRun::toSummary);
    }

    /** One page of a run's differing loans, by loan number. */
    @Transactional(readOnly = true)
    public List<BalanceDifference> differences(long runId, int page, int pageSize) {
        return differences.findByRunIdOrderByLoanNumber(runId, PageRequest.of(page, pageSize)).stream()
                .map(ReconciliationDifference::toDifference).toList();
    }

    @Transactional(readOnly = true)
    public long countDifferences(long runId) {
        return differences.countByRunId(runId);
    }

    private Optional<ReconciliationRunSummary> locked(Supplier<ReconciliationRunSummary> work) {
        Optional<SimpleLock> lock = JobLocks.tryLock(dataSource, LOCK, LOCK_AT_MOST, clock);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.get().unlock();
        }
    }

    private ReconciliationRunSummary run(ReconciliationTrigger trigger) {
        PortalUser actor = currentUser.actor().orElse(null);
        String by = actor == null ? SystemTask.ACTOR : actor.email();
        String role = actor == null ? Role.SYSTEM : actor.role();
        return transaction.execute(status -> {
            long runId = runs.save(new ReconciliationRun(trigger, by, LocalDate.now(clock), clock.instant())).id();
            Set<Long> differing = new HashSet<>();
            int compared = 0;
            long after = 0;
            List<ServicerLoan> page;
            while (!(page = servicerLoans.findByServicerBalanceNotNullAndAccountIdGreaterThanOrderByAccountId(after,
                    Limit.of(PAGE))).isEmpty()) {
                for (ServicerLoan loan : page) {
                    after = loan.accountId();
                    Optional<AccountLedger> ledger = reviews.ledger(loan.accountId());
                    if (ledger.isEmpty()) {
                        continue;
                    }
                    compared++;
                    Optional<BalanceDifference> found = compare(ledger.get(), loan);
                    if (found.isPresent()) {
                        differing.add(loan.accountId());
                        differences.save(new ReconciliationDifference(runId, loan.accountId(), found.get()));
                        if (reviews.hold(loan.accountId())) {
                            BalanceDifference d = found.get();
                            audit.recordWithin(by, role, null, null, d.loanNumber(), AuditAction.BALANCE_REVIEW_STARTED,
                                    "Balance of loan " + d.loanNumber() + " under review: the servicer has "
                                            + Money.format(d.servicerBalance()) + ", the portal "
                                            + Money.format(d.portalBalance()) + " as of " + d.asOf());
                        }
                    }
                }
                // Each loan's account and ledger were read into this one transaction's persistence context: let
                // them go with the page, so a run over the whole book holds one page of ledgers, not all of them.
                entityManager.flush();
                entityManager.clear();
            }
            int cleared = 0;
            for (long accountId : reviews.underReview()) {
                if (!differing.contains(accountId) && reviews.release(accountId)) {
                    cleared++;
                    String loanNumber = reviews.ledger(accountId).map(AccountLedger::loanNumber).orElse(null);
                    audit.recordWithin(by, role, null, null, loanNumber, AuditAction.BALANCE_REVIEW_ENDED,
                            "Balance of loan " + loanNumber + " agrees with the servicer's again (run " + runId + ")");
                }
            }
            ReconciliationRun run = runs.findById(runId).orElseThrow();
            run.finish(clock.instant(), compared, differing.size(), cleared);
            audit.recordWithin(by, role, null, null, null, AuditAction.RECONCILIATION_RUN, "Reconciliation run "
                    + run.id() + " (" + (trigger == ReconciliationTrigger.NIGHTLY ? "nightly" : "on demand") + "): "
                    + compared + " loans compared, " + differing.size() + " differ, " + cleared + " cleared");
            return run.toSummary();
        });
    }

    /** The loan's difference, if its balances differ by more than a cent; each side's last entry as it stands. */
    private Optional<BalanceDifference> compare(AccountLedger ledger, ServicerLoan loan) {
        BigDecimal portal = BalanceComparison.portalBalance(ledger, loan.balanceAsOf());
        if (!BalanceComparison.differs(loan.servicerBalance(), portal)) {
            return Optional.empty();
        }
        String portalLast = BalanceComparison.lastPosted(ledger).map(BalanceComparison::describe).orElse(null);
        String servicerLast = received.findFirstByAccountIdOrderByIdDesc(loan.accountId()).map(entry -> {
            String posted = ledger.entries().stream().filter(e -> e.id() == entry.ledgerEntryId()).findFirst()
                    .map(BalanceComparison::describe).orElse("#" + entry.ledgerEntryId());
            return shorten(entry.servicerEntryId() + ": " + posted);
        }).orElse(null);
        return Optional.of(new BalanceDifference(ledger.loanNumber(), loan.balanceAsOf(), loan.servicerBalance(),
                portal, loan.servicerBalance().subtract(portal), portalLast, servicerLast));
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}

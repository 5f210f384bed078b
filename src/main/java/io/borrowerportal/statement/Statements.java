package io.borrowerportal.statement;

import io.borrowerportal.account.AccountLedgers;
import io.borrowerportal.customer.CustomerSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Monthly statements, for the job (decision 015), a first load and the lender's staff. The cycle is the calendar
 * month: a statement covers the 1st to the last day and is written once that day has passed in the lender's time
 * zone, for every loan with web access that owed money at some point in the month. Runs go through the book in
 * pages of account ids outside any transaction; each loan is one transaction of its own ({@link StatementWriter}).
 * Safe to run again for the same month, and safe (though pointless) to run twice at once.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class Statements {

    /** Account ids per page of a run. */
    static final int PAGE = 500;
    /** Loans written at once. */
    static final int WORKERS = 4;
    /** The most months one catch-up writes, newest last: after a longer outage the older ones are left out. */
    static final int MAX_CATCH_UP_MONTHS = 12;
    private static final Logger log = LoggerFactory.getLogger(Statements.class);

    private final AccountLedgers ledgers;
    private final StatementRecords records;
    private final StatementWriter writer;
    private final Clock clock;

    Statements(AccountLedgers ledgers, StatementRecords records, StatementWriter writer, Clock clock) {
        this.ledgers = ledgers;
        this.records = records;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The job's work: every month from the one after the last completed run through last month, at most
     * {@value #MAX_CATCH_UP_MONTHS}, each run over the whole book and then recorded as completed. The very first
     * run writes last month only. Customers are emailed.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<StatementRunReport> catchUp() {
        YearMonth last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        YearMonth first = records.lastCompletedRun().map(done -> done.plusMonths(1)).orElse(last);
        if (first.isBefore(last.minusMonths(MAX_CATCH_UP_MONTHS - 1))) {
            first = last.minusMonths(MAX_CATCH_UP_MONTHS - 1);
        }
        return runMonths(first, last, true);
    }

    /**
     * Writes the statements of past months without emailing anyone, oldest first, and records each month as run,
     * so the job carries on after {@code to}: a first load, where a year of "your statement is ready" emails at
     * once would be noise.
     *
     * @throws IllegalArgumentException when {@code to} has not ended yet, or {@code from} is after it
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<StatementRunReport> backfill(YearMonth from, YearMonth to) {
        requireEnded(to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The first month " + from + " is after the last " + to);
        }
        return runMonths(from, to, false);
    }

    /**
     * Writes the month's statement of every loan that has none yet, emailing each loan's customers; does not
     * record the month as run (the job's catch-up does).
     *
     * @throws IllegalArgumentException when the month has not ended yet
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StatementRunReport run(YearMonth period) {
        requireEnded(period);
        return runOnce(period, true);
    }

    /** The loan's statements, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public List<StatementSummary> statementsOf(long accountId) {
        return records.of(accountId);
    }

    private List<StatementRunReport> runMonths(YearMonth first, YearMonth last, boolean notify) {
        List<StatementRunReport> reports = new ArrayList<>();
        for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
            StatementRunReport report = runOnce(period, notify);
            records.completeRun(period, report.written(), report.errors(), clock.instant());
            reports.add(report);
        }
        return reports;
    }

    /**
     * One pass over the book for one month: pages of account ids, the loans of a page written by
     * {@value #WORKERS} workers at once (a statement waits on the database most of its time, above all for its
     * commit), each loan in its own transaction. Failures are retried once at the end.
     */
    private StatementRunReport runOnce(YearMonth period, boolean notify) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        List<Long> failed = new ArrayList<>();
        ExecutorService workers = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(WORKERS,
                Thread.ofPlatform().name("statement-writer-", 1).daemon().factory()));
        try {
            long afterId = 0;
            while (true) {
                List<Long> page = ledgers.idsWithWebAccess(period.atEndOfMonth(), afterId, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                afterId = page.getLast();
                tally.loans.addAndGet(page.size());
                Set<Long> done = records.writtenFrom(page, period.atDay(1));
                tally.alreadyWritten.addAndGet(done.size());
                List<Long> toWrite = page.stream().filter(id -> !done.contains(id)).toList();
                Map<Long, List<CustomerSummary>> borrowers = writer.borrowers(toWrite);
                failed.addAll(writeAll(workers, toWrite, borrowers, period, notify, tally, false));
            }
            // Retried once, so a deadlock or a lock wait timeout of the moment does not cost a loan its statement.
            writeAll(workers, failed, writer.borrowers(failed), period, notify, tally, true);
        } finally {
            workers.shutdownNow();
        }
        return new StatementRunReport(period, tally.loans.get(), tally.written.get(), tally.alreadyWritten.get(),
                tally.notDue.get(), tally.errors.get(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the loans' statements on the workers and waits for them; the ids of those that failed. */
    private List<Long> writeAll(ExecutorService workers, List<Long> accountIds,
                                Map<Long, List<CustomerSummary>> borrowers, YearMonth period, boolean notify,
                                Tally tally, boolean lastTry) {
        List<Callable<Long>> tasks = accountIds.stream().<Callable<Long>>map(accountId -> () -> {
            try {
                switch (writer.write(accountId, period, notify, borrowers.getOrDefault(accountId, List.of()))) {
                    case WRITTEN -> tally.written.incrementAndGet();
                    case ALREADY_WRITTEN -> tally.alreadyWritten.incrementAndGet();
                    case NOT_DUE, NOT_FOUND -> tally.notDue.incrementAndGet();
                }
                return null;
            } catch (RuntimeException e) {
                if (!lastTry) {
                    return accountId;
                }
                tally.errors.incrementAndGet();
                log.error("The {} statement of account {} could not be written", period, accountId, e);
                return null;
            }
        }).toList();
        try {
            List<Long> failed = new ArrayList<>();
            for (Future<Long> result : workers.invokeAll(tasks)) {
                Long accountId = result.get();
                if (accountId != null) {
                    failed.add(accountId);
                }
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The statement run was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A statement worker stopped", e.getCause());
        }
    }

    /** Counts of one pass, added to by the workers. */
    private static final class Tally {
        final AtomicInteger loans = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger alreadyWritten = new AtomicInteger();
        final AtomicInteger notDue = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
    }

    private void requireEnded(YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        if (!period.atEndOfMonth().isBefore(today)) {
            throw new IllegalArgumentException("The statements of " + period + " are written once the month has "
                    + "ended; today is " + today);
        }
    }
}

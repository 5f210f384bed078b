package io.borrowerportal.statement;

import io.borrowerportal.account.AccountLedgers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private StatementRunReport runOnce(YearMonth period, boolean notify) {
        long started = System.nanoTime();
        int loans = 0;
        int written = 0;
        int already = 0;
        int notDue = 0;
        List<Long> failed = new ArrayList<>();
        long afterId = 0;
        while (true) {
            List<Long> page = ledgers.idsWithWebAccess(period.atEndOfMonth(), afterId, PAGE);
            if (page.isEmpty()) {
                break;
            }
            afterId = page.getLast();
            loans += page.size();
            Set<Long> done = records.writtenFrom(page, period.atDay(1));
            already += done.size();
            for (long accountId : page) {
                if (done.contains(accountId)) {
                    continue;
                }
                try {
                    switch (writer.write(accountId, period, notify)) {
                        case WRITTEN -> written++;
                        case ALREADY_WRITTEN -> already++;
                        case NOT_DUE, NOT_FOUND -> notDue++;
                    }
                } catch (RuntimeException e) {
                    failed.add(accountId);
                }
            }
        }
        // Retried once, so a deadlock or a lock wait timeout of the moment does not cost a loan its statement.
        int errors = 0;
        for (long accountId : failed) {
            try {
                switch (writer.write(accountId, period, notify)) {
                    case WRITTEN -> written++;
                    case ALREADY_WRITTEN -> already++;
                    case NOT_DUE, NOT_FOUND -> notDue++;
                }
            } catch (RuntimeException e) {
                errors++;
                log.error("The {} statement of account {} could not be written", period, accountId, e);
            }
        }
        return new StatementRunReport(period, loans, written, already, notDue, errors,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void requireEnded(YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        if (!period.atEndOfMonth().isBefore(today)) {
            throw new IllegalArgumentException("The statements of " + period + " are written once the month has "
                    + "ended; today is " + today);
        }
    }
}

package io.borrowerportal.benchmark;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.statement.StatementRunReport;
import io.borrowerportal.statement.Statements;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly statements of a book of loans, as numbers: {@code ./mvnw -q -Pbenchmark verify} runs it after the
 * AutoPay benchmark, in a JVM of its own with a 512 MB heap ({@code ./mvnw -q -Pbenchmark test-compile
 * exec:exec@statement-benchmark} runs it alone).
 *
 * <p>Each loan has one borrower and a year of history (36 months, $8,000, paid on each due date: 13 ledger
 * entries), and its June statement is written through {@link Statements#run}, the job's own path, with everything
 * it does per loan: the account's row lock and ledger, the figures, the PDF, filing it in Documents (content checks,
 * sha256, the row and the content), the statement's row and the email in the outbox. A warm-up batch comes first;
 * then 10,000 loans. Nothing here passes or fails on time.
 */
public final class StatementBenchmark {

    static final int WARM_UP = 1_000;
    static final int LOANS = 10_000;
    static final double GOAL_SECONDS = 60.0;
    /** The business date: the day after June ends, when the job writes June's statements. */
    static final LocalDate TODAY = LocalDate.parse("2036-07-01");
    static final YearMonth PERIOD = YearMonth.of(2036, 6);
    static final LoanTerms TERMS = new LoanTerms(new BigDecimal("8000.00"), new BigDecimal("11.5000"), 36,
            LocalDate.parse("2035-06-10"), LocalDate.parse("2035-07-10"), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
    private static final int INSERT_CHUNK = 2_000;

    private StatementBenchmark() {
    }

    public static void main(String[] args) {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Monthly statements benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            SystemTask.run(() -> context.getBean(LoanServicing.class).defineProduct(new ProductDefinition("STBENCH", "Personal loan",
                    new BigDecimal("11.5000"), 36, PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false)));
            long product = jdbc.queryForObject("select id from loan_products where code = 'STBENCH'", Long.class);
            // A year of payments on each due date, split by the engine's waterfall as the service would split them.
            List<LedgerEntry> history = BenchmarkLoans.paidOnSchedule(TERMS, 12);
            Statements statements = context.getBean(Statements.class);

            System.out.printf(Locale.ROOT, "  %-30s %8s %8s %9s %12s %12s %14s %s%n", "batch", "loans", "written",
                    "seconds", "ms per loan", "loans/s", "peak heap MB", "");
            long next = 1;
            int[] sizes = {WARM_UP, Integer.getInteger("portal.bench.statements", LOANS)};
            for (int i = 0; i < sizes.length; i++) {
                next = insert(jdbc, product, history, sizes[i], next);
                System.gc();
                measure(statements, i == 0 ? "warm-up (not a result)" : String.format(Locale.ROOT,
                        "%,d loans' June statements", sizes[i]), sizes[i], i == sizes.length - 1);
            }
            System.out.printf(Locale.ROOT, "%n  statements: %,d; documents: %,d (%,d MB of PDF); emails queued: %,d%n",
                    jdbc.queryForObject("select count(*) from statements", Long.class),
                    jdbc.queryForObject("select count(*) from documents", Long.class),
                    jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from documents", Long.class) >> 20,
                    jdbc.queryForObject("select count(*) from email_outbox", Long.class));
        }
    }

    private static void measure(Statements statements, String name, int loans, boolean goal) {
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        StatementRunReport report;
        try (heap) {
            report = SystemTask.call(() -> statements.run(PERIOD));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.written() != loans || report.errors() != 0) {
            throw new IllegalStateException("The run did not write every loan's statement: " + report);
        }
        System.out.printf(Locale.ROOT, "  %-30s %8d %8d %9.1f %12.2f %12.0f %14d %s%n", name, report.loans(),
                report.written(), seconds, seconds * 1000 / loans, loans / seconds, heap.peakMegabytes(), goal
                        ? String.format(Locale.ROOT, "goal <= %.0f s%s", GOAL_SECONDS, seconds <= GOAL_SECONDS ? " (met)" : " (NOT met)")
                        : "");
    }

    /** {@code count} borrowers, each with a loan and its year of history, written with JDBC batches (not measured). */
    private static long insert(JdbcTemplate jdbc, long product, List<LedgerEntry> history, int count, long firstId) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < count; from += INSERT_CHUNK) {
            int to = Math.min(count, from + INSERT_CHUNK);
            List<Object[]> customers = new ArrayList<>();
            List<Object[]> accounts = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            List<Object[]> ledger = new ArrayList<>();
            for (int i = from; i < to; i++) {
                long id = firstId + i;
                customers.add(new Object[] {id, "statement-" + id + "@bench.example", "Bench", "Borrower " + id, now});
                accounts.add(new Object[] {id, String.format(Locale.ROOT, "SB-%09d", id), product,
                        Date.valueOf(TERMS.startDate()), Date.valueOf(TERMS.firstDueDate()), now});
                links.add(new Object[] {id, id});
                for (LedgerEntry entry : history) {
                    ledger.add(new Object[] {id, entry.type().name(), Date.valueOf(entry.effectiveDate()), entry.amount(),
                            entry.principal(), entry.interest(), entry.fees(), entry.description(), now});
                }
            }
            jdbc.batchUpdate("insert into customers (id, email, first_name, last_name, status, created_at) "
                    + "values (?, ?, ?, ?, 'ACTIVE', ?)", customers);
            jdbc.batchUpdate("insert into loan_accounts (id, loan_number, product_id, original_principal, annual_rate, "
                    + "number_of_payments, start_date, first_due_date, web_access, created_at) "
                    + "values (?, ?, ?, 8000.00, 11.5000, 36, ?, ?, true, ?)", accounts);
            jdbc.batchUpdate("insert into customer_accounts (customer_id, account_id, role) values (?, ?, 'BORROWER')", links);
            jdbc.batchUpdate("insert into ledger_entries (account_id, entry_type, effective_date, amount, principal, "
                    + "interest, fees, description, posted_at, posted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')", ledger);
        }
        return firstId + count;
    }
}

package io.borrowerportal.benchmark;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.autopay.AutoPayOperations;
import io.borrowerportal.autopay.AutoPayRunReport;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daily AutoPay run on due AutoPays, as numbers: {@code ./mvnw -q -Pbenchmark verify} runs it after
 * {@link PortalBenchmark}, in a JVM of its own with a 512 MB heap, so a run whose memory grew with its batch
 * would fail here instead of passing quietly on a large default heap.
 *
 * <p>Each AutoPay is on a loan of its own (24 months, $6,000, first installment due on the run date), one in
 * five pays by card (charged through the sandbox processor after its page commits), four in five by bank
 * account (applied at once, pending). The batches run through {@link AutoPayOperations#run}, the job's own
 * entry, with everything it does: the runtime rules under each account's lock, the payment through the
 * payment service, the run record, the audit log and the emails queued in the outbox. A warm-up batch comes
 * first; then 10,000 and 100,000 AutoPays, so their peak heaps can be compared. Nothing here passes or fails on time.
 */
public final class AutoPayBenchmark {

    static final int WARM_UP = 2_000;
    static final int SMALL = 10_000;
    static final int LARGE = 100_000;
    static final double GOAL_SECONDS = 60.0;
    /**
     * The business date of every batch, a Monday. Each batch is written just before its run: the AutoPays of the
     * batch before have moved on to next month by then, so only the new batch is due.
     */
    static final LocalDate RUN_DATE = LocalDate.parse("2036-06-16");
    private static final int INSERT_CHUNK = 2_000;

    private AutoPayBenchmark() {
    }

    public static void main(String[] args) {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "AutoPay run benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, RUN_DATE)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            SystemTask.run(() -> context.getBean(LoanServicing.class).defineProduct(new ProductDefinition("APBENCH", "Personal loan",
                    new BigDecimal("10.0000"), 24, PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false)));
            long product = jdbc.queryForObject("select id from loan_products where code = 'APBENCH'", Long.class);
            AutoPayOperations operations = context.getBean(AutoPayOperations.class);

            System.out.printf(Locale.ROOT, "  %-34s %9s %9s %10s %12s %14s %s%n", "batch", "due", "paid", "seconds",
                    "AutoPays/s", "peak heap MB", "");
            long next = 1;
            // -Dportal.bench.autopays=N runs a smaller last batch while working on the run; the result is for 100,000.
            int[] sizes = {WARM_UP, SMALL, Integer.getInteger("portal.bench.autopays", LARGE)};
            for (int i = 0; i < sizes.length; i++) {
                next = insert(jdbc, product, sizes[i], next, RUN_DATE);
                System.gc();
                measure(operations, RUN_DATE, i == 0 ? "warm-up (not a result)" : String.format(Locale.ROOT,
                        "%,d due AutoPays", sizes[i]), sizes[i], i == sizes.length - 1);
            }
            System.out.printf(Locale.ROOT, "%n  payments made: %,d; card payments completed: %,d; emails queued: %,d%n",
                    jdbc.queryForObject("select count(*) from payments where standing_reference is not null", Long.class),
                    jdbc.queryForObject("select count(*) from payments where standing_reference is not null "
                            + "and channel = 'CARD' and status = 'COMPLETED'", Long.class),
                    jdbc.queryForObject("select count(*) from email_outbox", Long.class));
        }
    }

    private static void measure(AutoPayOperations operations, LocalDate date, String name, int due, boolean goal) {
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        AutoPayRunReport report;
        try (heap) {
            report = SystemTask.call(() -> operations.run(date));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.paid() != due || report.errors() != 0) {
            throw new IllegalStateException("The AutoPay run did not pay every due AutoPay: " + report);
        }
        System.out.printf(Locale.ROOT, "  %-34s %9d %9d %10.1f %12.0f %14d %s%n", name, report.autopays(),
                report.paid(), seconds, due / seconds, heap.peakMegabytes(), goal
                        ? String.format(Locale.ROOT, "goal <= %.0f s%s", GOAL_SECONDS, seconds <= GOAL_SECONDS ? " (met)" : " (NOT met)")
                        : "");
    }

    /**
     * {@code count} borrowers, each with a loan, a payment profile and a monthly AutoPay of the scheduled payment
     * due on {@code date}, written with JDBC batches (the set-up is not what is measured).
     */
    private static long insert(JdbcTemplate jdbc, long product, int count, long firstId, LocalDate date) {
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate start = date.minusMonths(1);
        for (int from = 0; from < count; from += INSERT_CHUNK) {
            int to = Math.min(count, from + INSERT_CHUNK);
            List<Object[]> customers = new ArrayList<>();
            List<Object[]> accounts = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            List<Object[]> ledger = new ArrayList<>();
            List<Object[]> profiles = new ArrayList<>();
            List<Object[]> autopays = new ArrayList<>();
            for (int i = from; i < to; i++) {
                long id = firstId + i;
                boolean card = i % 5 == 0;
                String loan = String.format(Locale.ROOT, "AB-%09d", id);
                customers.add(new Object[] {id, "autopay-" + id + "@bench.example", "Bench", "Borrower " + id, now});
                accounts.add(new Object[] {id, loan, product, Date.valueOf(start), Date.valueOf(date), now});
                links.add(new Object[] {id, id});
                ledger.add(new Object[] {id, Date.valueOf(start), now});
                profiles.add(card
                        ? new Object[] {id, id, "CARD", "tok_sandbox_approve_" + Long.toHexString(id), "Visa", 12,
                        date.getYear() + 2, null, null, null, "4242", now, now}
                        : new Object[] {id, id, "BANK", null, null, null, null, "021000021", "v1:not-read-here",
                        "CHECKING", "6789", now, now});
                autopays.add(new Object[] {id, String.format(Locale.ROOT, "AP-B%07d", id), id, loan, id, id,
                        card ? "Visa •••• 4242" : "Checking •••• 6789", card ? "CARD" : "BANK", Date.valueOf(date),
                        Date.valueOf(date), Date.valueOf(date), now, now, now});
            }
            jdbc.batchUpdate("insert into customers (id, email, first_name, last_name, status, created_at) "
                    + "values (?, ?, ?, ?, 'ACTIVE', ?)", customers);
            jdbc.batchUpdate("insert into loan_accounts (id, loan_number, product_id, original_principal, annual_rate, "
                    + "number_of_payments, start_date, first_due_date, web_access, created_at) "
                    + "values (?, ?, ?, 6000.00, 10.0000, 24, ?, ?, true, ?)", accounts);
            jdbc.batchUpdate("insert into customer_accounts (customer_id, account_id, role) values (?, ?, 'BORROWER')", links);
            jdbc.batchUpdate("insert into ledger_entries (account_id, entry_type, effective_date, amount, principal, "
                    + "interest, fees, description, posted_at, posted_by) "
                    + "values (?, 'DISBURSEMENT', ?, 6000.00, 6000.00, 0, 0, 'Loan disbursement', ?, 'bench')", ledger);
            jdbc.batchUpdate("insert into payment_profiles (id, customer_id, kind, holder_name, card_token, card_brand, "
                    + "card_exp_month, card_exp_year, bank_routing_number, bank_account_secret, bank_account_type, "
                    + "last_four, is_primary, status, created_at, updated_at) "
                    + "values (?, ?, ?, 'Bench Borrower', ?, ?, ?, ?, ?, ?, ?, ?, true, 'ACTIVE', ?, ?)", profiles);
            jdbc.batchUpdate("insert into autopays (id, reference, account_id, loan_number, customer_id, profile_id, "
                    + "method_label, channel, frequency, amount_type, start_date, last_day_of_month, "
                    + "process_only_when_due, payments_made, next_index, next_due_date, next_process_date, status, "
                    + "authorization_version, authorization_text, authorized_at, authorized_from, created_by, "
                    + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'MONTHLY', 'SCHEDULED_PAYMENT', ?, false, "
                    + "true, 0, 0, ?, ?, 'ACTIVE', 'AUTOPAY-2026-12', 'Benchmark authorization', ?, '127.0.0.1', "
                    + "'bench', ?, ?)", autopays);
        }
        return firstId + count;
    }
}

package io.borrowerportal.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.autopay.AutoPayOperations;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayRunReport;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.staff.CustomerSearch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A lender's whole book in MariaDB (issue #14, item 3): {@value #CUSTOMERS} customers, {@value #LOANS} loans and
 * about ten million ledger entries, then the pages a borrower opens and the staff search, timed on it, and every
 * statement of those paths that read a whole table or joined without an index, named.
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec@large-book-benchmark -Dportal.bench.db.name=portal_bench_large}.
 *
 * <p>The book is made the way a lender's is, only faster: {@value #COHORTS} template loans are opened and paid through
 * the real services (so every split is the engine's), then cloned in SQL by MariaDB's sequence engine, each clone
 * with its template's terms and entries. A loan's figures are therefore what the portal itself would have posted.
 * Customers 1 to {@value #TWO_LOAN_CUSTOMERS} have two loans, the rest one. Their search terms (decision 041) are
 * their names, their address and its local part ({@code borrower4711}), as CustomerSearchTerms would make them.
 *
 * <p>Every loan also has an AutoPay (or a share of them, {@link #AUTOPAY_PERCENT}), cloned the same way from AutoPays
 * the template customer scheduled through the real service; cohort 11's fall due on the business date. After the
 * pages, the daily AutoPay run pays them, timed, and the benchmark fails unless it made one payment for every AutoPay
 * due.
 *
 * <p>Full scans are found as they happen: while the paths and the AutoPay run are timed, MariaDB's slow log is on for
 * statements that read a whole table or joined without an index ({@code log_slow_filter=full_scan,full_join}, every
 * statement regardless of its time), into {@code mysql.slow_log}; the benchmark prints each such statement of this
 * database.
 * The global settings are put back at the end.
 */
public final class LargeBookBenchmark {

    static final int CUSTOMERS = 100_000;
    static final int LOANS = 150_000;
    static final int TWO_LOAN_CUSTOMERS = LOANS - CUSTOMERS;
    static final int COHORTS = 12;
    /** Payments per template loan: 61 to 72, about 66.5 a loan, so ten million entries with the disbursements. */
    static final int FEWEST_PAYMENTS = 61;
    static final int CHUNK = 10_000;
    /**
     * A Friday, on which cohort 11's installments (the 12th of each month) fall due. PortalBenchmark's date, Sunday
     * 2036-06-15, has no AutoPay to process: a payment due on a weekend is processed on the next business day.
     */
    static final LocalDate TODAY = LocalDate.parse("2036-06-12");
    /**
     * {@code -Dportal.bench.autopay.percent}: the share of loans with an active AutoPay, 0 to 100. Loan n has one
     * when {@code n % 100} is below it, so the share is the same in every cohort.
     */
    static final int AUTOPAY_PERCENT = Integer.getInteger("portal.bench.autopay.percent", 100);
    /** One borrower in five pays by card, the rest by bank account, as in AutoPayBenchmark. */
    static final int CARD_EVERY = 5;
    private static final int WARMUP = 300;
    private static final int CALLS = 1_000;
    private static volatile int sink;

    private LargeBookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        if (!database.startsWith("MariaDB")) {
            System.out.println("The large book needs MariaDB (its sequence engine makes the rows); none answers on 127.0.0.1:3306.");
            return;
        }
        System.out.println("Large book on " + database + ", business date " + TODAY);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY, "--spring.datasource.hikari.maximum-pool-size=4")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            generate(context, jdbc);
            System.out.printf(Locale.ROOT, "Generated in %.1f s: %,d customers, %,d loans, %,d ledger entries, "
                            + "%,d payment profiles, %,d AutoPays%n",
                    (System.nanoTime() - started) / 1e9, count(jdbc, "customers"), count(jdbc, "loan_accounts"),
                    count(jdbc, "ledger_entries"), count(jdbc, "payment_profiles"), count(jdbc, "autopays"));
            jdbc.execute("ANALYZE TABLE customers, loan_accounts, customer_accounts, ledger_entries, payment_profiles, autopays");
            measure(context);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }

    /** The templates through the services, then their clones in SQL, in chunks of {@value #CHUNK} rows a statement. */
    private static void generate(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        CustomerService customers = context.getBean(CustomerService.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        long[] templates = new long[COHORTS];
        long templateCustomer = SystemTask.call(() -> {
            servicing.defineProduct(new ProductDefinition("LARGE", "Personal loan", new BigDecimal("9.9000"), 120,
                    PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false));
            long customer = customers.create("template@large.example", "Template", "Borrower", null, "bench-password-1");
            for (int cohort = 0; cohort < COHORTS; cohort++) {
                int payments = FEWEST_PAYMENTS + cohort;
                LocalDate start = TODAY.minusMonths(payments + 1).withDayOfMonth(1 + cohort);
                LoanTerms terms = new LoanTerms(new BigDecimal(12_000 + 1_000 * cohort).setScale(2), new BigDecimal("9.9000"),
                        120, start, start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
                String number = servicing.openAccount(new OpenAccountCommand("TPL-" + cohort, "LARGE", terms, null, null));
                servicing.link(number, customer, LinkRole.BORROWER);
                List<Installment> schedule = LoanEngine.schedule(servicing.terms(number));
                for (Installment due : schedule.subList(0, payments)) {
                    servicing.postPayment(number, due.dueDate(), due.payment(), PaymentKind.REGULAR, "Payment");
                }
            }
            return customer;
        });
        for (int cohort = 0; cohort < COHORTS; cohort++) {
            templates[cohort] = jdbc.queryForObject("SELECT id FROM loan_accounts WHERE loan_number = ?", Long.class, "TPL-" + cohort);
        }
        jdbc.execute("CREATE TEMPORARY TABLE bench_templates (cohort INT PRIMARY KEY, account_id BIGINT NOT NULL)");
        for (int cohort = 0; cohort < COHORTS; cohort++) {
            jdbc.update("INSERT INTO bench_templates VALUES (?, ?)", cohort, templates[cohort]);
        }
        String[] first = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
                "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen"};
        String[] last = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
                "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
                "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson"};
        String firstList = "'" + String.join("','", first) + "'";
        String lastList = "'" + String.join("','", last) + "'";
        long customerBase = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM customers", Long.class);
        long accountBase = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM loan_accounts", Long.class);
        timed("customers", () -> chunks(CUSTOMERS, (from, to) -> jdbc.update("""
                INSERT INTO customers (id, email, password_hash, first_name, last_name, phone, status, created_at)
                SELECT ? + s.seq, CONCAT('borrower', s.seq, '@large.example'), t.password_hash,
                       ELT(1 + s.seq %% 20, %s), CONCAT(ELT(1 + (s.seq DIV 20) %% 30, %s), ELT(1 + (s.seq DIV 600) %% 6, '', 'son', 's', 'ley', 'ton', 'er')),
                       CONCAT('+1 555 ', LPAD(s.seq %% 10000, 4, '0')), 'ACTIVE', UTC_TIMESTAMP()
                FROM seq_%d_to_%d s, customers t WHERE t.id = ?""".formatted(firstList, lastList, from, to),
                customerBase, templateCustomer)));
        timed("search terms", () -> chunks(CUSTOMERS, (from, to) -> jdbc.update("""
                INSERT IGNORE INTO customer_search_terms (term, customer_id)
                SELECT LOWER(x.term), x.id FROM (
                    SELECT id, first_name AS term FROM customers WHERE id BETWEEN ? AND ?
                    UNION ALL SELECT id, last_name FROM customers WHERE id BETWEEN ? AND ?
                    UNION ALL SELECT id, email FROM customers WHERE id BETWEEN ? AND ?
                    UNION ALL SELECT id, SUBSTRING_INDEX(email, '@', 1) FROM customers WHERE id BETWEEN ? AND ?) x""",
                customerBase + from, customerBase + to, customerBase + from, customerBase + to,
                customerBase + from, customerBase + to, customerBase + from, customerBase + to)));
        timed("loans", () -> chunks(LOANS, (from, to) -> jdbc.update("""
                INSERT INTO loan_accounts (id, loan_number, product_id, original_principal, annual_rate, number_of_payments,
                                           start_date, first_due_date, web_access, created_at)
                SELECT ? + s.seq, CONCAT('LB', LPAD(s.seq, 8, '0')), a.product_id, a.original_principal, a.annual_rate,
                       a.number_of_payments, a.start_date, a.first_due_date, 1, UTC_TIMESTAMP()
                FROM seq_%d_to_%d s JOIN bench_templates b ON b.cohort = s.seq %% %d JOIN loan_accounts a ON a.id = b.account_id"""
                .formatted(from, to, COHORTS), accountBase)));
        timed("links", () -> chunks(LOANS, (from, to) -> jdbc.update("""
                INSERT INTO customer_accounts (customer_id, account_id, role)
                SELECT ? + 1 + (s.seq - 1) %% %d, ? + s.seq, 'BORROWER' FROM seq_%d_to_%d s"""
                .formatted(CUSTOMERS, from, to), customerBase, accountBase)));
        timed("ledger entries", () -> chunks(LOANS, (from, to) -> jdbc.update("""
                INSERT INTO ledger_entries (account_id, entry_type, effective_date, amount, principal, interest, fees,
                                            description, posted_at, posted_by)
                SELECT ? + s.seq, e.entry_type, e.effective_date, e.amount, e.principal, e.interest, e.fees,
                       e.description, e.posted_at, e.posted_by
                FROM seq_%d_to_%d s JOIN bench_templates b ON b.cohort = s.seq %% %d
                JOIN ledger_entries e ON e.account_id = b.account_id
                ORDER BY s.seq, e.id""".formatted(from, to, COHORTS), accountBase)));
        autopays(context, jdbc, customerBase, accountBase);
    }

    /**
     * AutoPays as the wizard makes them: the template customer adds a bank account and a card, and schedules, on each
     * template loan, a monthly AutoPay of the scheduled payment from its next due date on (today for cohort 11), once
     * by card (kept, then cancelled) and once by bank. Each customer gets one profile, a clone of the card (one in
     * {@value #CARD_EVERY}) or of the bank account, with their own name; each loan enrolled gets a clone of its
     * cohort's AutoPay with that profile, with the authorization it holds and its "scheduled" history line. The audit
     * log, the outbox and the confirmation emails of those AutoPays are not cloned: the run reads none of them.
     */
    private static void autopays(ConfigurableApplicationContext context, JdbcTemplate jdbc, long customerBase, long accountBase) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        PaymentProfileService profiles = context.getBean(PaymentProfileService.class);
        AutoPayService service = context.getBean(AutoPayService.class);
        AutoPayReviews reviews = context.getBean(AutoPayReviews.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        jdbc.execute("DROP TABLE IF EXISTS bench_autopay_templates");
        jdbc.execute("""
                CREATE TABLE bench_autopay_templates AS
                SELECT 0 AS cohort, CAST('' AS CHAR(500)) AS scheduled_detail, a.* FROM autopays a WHERE 1 = 0""");
        jdbc.execute("DROP TABLE IF EXISTS bench_profile_templates");
        jdbc.execute("CREATE TABLE bench_profile_templates AS SELECT p.* FROM payment_profiles p WHERE 1 = 0");
        SignIn.as(users, "template@large.example");
        try {
            long bank = profiles.addBank(new NewBankProfile(null, "Template Borrower", "021000021", "123456789012",
                    "123456789012", BankAccountKind.CHECKING, true)).id();
            long card = profiles.addCard(new NewCardProfile(null, "Template Borrower", "4242424242424242", 12,
                    TODAY.getYear() + 3, "123", "12345", false)).id();
            jdbc.update("INSERT INTO bench_profile_templates SELECT p.* FROM payment_profiles p WHERE p.id IN (?, ?)", bank, card);
            for (int cohort = 0; cohort < COHORTS; cohort++) {
                String loan = "TPL-" + cohort;
                List<Installment> schedule = LoanEngine.schedule(SystemTask.call(() -> servicing.terms(loan)));
                int next = FEWEST_PAYMENTS + cohort;
                LocalDate start = schedule.get(next).dueDate().isBefore(TODAY) ? schedule.get(next + 1).dueDate()
                        : schedule.get(next).dueDate();
                for (long profile : new long[] {card, bank}) {
                    AutoPayTerms terms = new AutoPayTerms(profile, AutoPayFrequency.MONTHLY,
                            AutoPayAmountType.SCHEDULED_PAYMENT, null, start, null, false, true);
                    String reference = service.schedule(loan, terms, reviews.review(loan, null, terms).authorizationText(),
                            "203.0.113.7").reference();
                    jdbc.update("""
                            INSERT INTO bench_autopay_templates
                            SELECT ?, (SELECT e.detail FROM autopay_events e WHERE e.autopay_id = a.id AND e.action = 'SCHEDULED'), a.*
                            FROM autopays a WHERE a.reference = ?""", cohort, reference);
                    if (profile == card) {
                        service.cancel(loan, reference);
                    }
                }
            }
        } finally {
            SignIn.out();
        }
        long profileBase = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM payment_profiles", Long.class);
        long autopayBase = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM autopays", Long.class);
        String cardOrBank = "IF(%s %% %d = 0, 'CARD', 'BANK')";
        timed("profiles", () -> chunks(CUSTOMERS, (from, to) -> jdbc.update(clone(jdbc, "payment_profiles", "t", Map.of(
                "id", profileBase + " + s.seq",
                "customer_id", "c.id",
                "holder_name", "CONCAT(c.first_name, ' ', c.last_name)",
                "is_primary", "TRUE")) + """
                FROM seq_%d_to_%d s JOIN customers c ON c.id = ? + s.seq
                JOIN bench_profile_templates t ON t.kind = %s""".formatted(from, to, cardOrBank.formatted("s.seq", CARD_EVERY)),
                customerBase)));
        String customerSeq = "(1 + (s.seq - 1) %% %d)".formatted(CUSTOMERS);
        timed("autopays", () -> chunks(LOANS, (from, to) -> jdbc.update(clone(jdbc, "autopays", "t", Map.of(
                "id", autopayBase + " + s.seq",
                "reference", "CONCAT('AP-LB', LPAD(s.seq, 8, '0'))",
                "account_id", accountBase + " + s.seq",
                "loan_number", "CONCAT('LB', LPAD(s.seq, 8, '0'))",
                "customer_id", "c.id",
                "profile_id", profileBase + " + " + customerSeq,
                "created_by", "c.email")) + """
                FROM seq_%d_to_%d s JOIN customers c ON c.id = ? + %s
                JOIN bench_autopay_templates t ON t.cohort = s.seq %% %d AND t.channel = %s
                WHERE s.seq %% 100 < %d""".formatted(from, to, customerSeq, COHORTS,
                cardOrBank.formatted(customerSeq, CARD_EVERY), AUTOPAY_PERCENT), customerBase)));
        timed("authorizations", () -> chunks(LOANS, (from, to) -> jdbc.update("""
                INSERT INTO autopay_authorizations (autopay_id, authorization_version, authorization_text, authorized_at, authorized_from)
                SELECT id, authorization_version, authorization_text, authorized_at, authorized_from FROM autopays
                WHERE id BETWEEN ? AND ? ORDER BY id""", autopayBase + from, autopayBase + to)));
        timed("autopay history", () -> chunks(LOANS, (from, to) -> jdbc.update("""
                INSERT INTO autopay_events (autopay_id, occurred_at, action, detail, actor)
                SELECT a.id, a.created_at, 'SCHEDULED', t.scheduled_detail, a.created_by FROM autopays a
                JOIN bench_autopay_templates t ON t.cohort = (a.account_id - ?) %% %d AND t.channel = a.channel
                WHERE a.id BETWEEN ? AND ? ORDER BY a.id""".formatted(COHORTS), accountBase, autopayBase + from,
                autopayBase + to)));
        jdbc.execute("DROP TABLE bench_autopay_templates");
        jdbc.execute("DROP TABLE bench_profile_templates");
    }

    /**
     * {@code INSERT INTO table (every column) SELECT ...}: each column from the template row {@code alias}, or the
     * expression {@code overrides} gives it. The columns are read from the schema, so a column a later migration adds
     * is cloned too.
     */
    private static String clone(JdbcTemplate jdbc, String table, String alias, Map<String, String> overrides) {
        List<String> columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?
                ORDER BY ordinal_position""", String.class, table);
        List<String> values = columns.stream().map(c -> overrides.getOrDefault(c, alias + "." + c)).toList();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " ";
    }

    private interface Chunk {
        void write(long from, long to);
    }

    private static void chunks(int rows, Chunk chunk) {
        for (long from = 1; from <= rows; from += CHUNK) {
            chunk.write(from, Math.min(rows, from + CHUNK - 1));
        }
    }

    private static void timed(String what, Runnable work) {
        long started = System.nanoTime();
        work.run();
        System.out.printf(Locale.ROOT, "  %-16s %8.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    /** The borrower's pages and the staff search, timed over customers picked at random, with the full-scan log on. */
    private static void measure(ConfigurableApplicationContext context) throws SQLException {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        AccountService accounts = context.getBean(AccountService.class);
        CustomerSearch search = context.getBean(CustomerSearch.class);
        Map<String, String> before = slowLogOn();
        // Global settings reach new sessions only: the pool opens its connections afresh.
        context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        try {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String[] loanNumber = new String[1];
            Runnable someCustomer = () -> SignIn.as(users, "borrower" + (1 + random.nextInt(CUSTOMERS)) + "@large.example");
            Runnable someLoan = () -> {
                int loan = 1 + random.nextInt(LOANS);
                loanNumber[0] = "LB" + String.format(Locale.ROOT, "%08d", loan);
                SignIn.as(users, "borrower" + (1 + (loan - 1) % CUSTOMERS) + "@large.example");
            };
            String[] terms = {"smith", "garcia", "mary", "borrower4711@large.example", "LB00123456", "lb0014", "ander"};
            String[] term = new String[1];
            SystemTask.run(() -> context.getBean(StaffDirectory.class).create("staff@large.example", "Bench Staff",
                    Role.STAFF, "bench-password-1"));
            Runnable someTerm = () -> {
                SignIn.as(users, "staff@large.example");
                term[0] = terms[random.nextInt(terms.length)];
            };

            System.out.printf(Locale.ROOT, "%nServer time (service call incl. SQL), %d warm-up and %d timed calls each, a random customer or loan each call%n",
                    WARMUP, CALLS);
            System.out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %9s%n", "operation", "p50 ms", "p95 ms", "p99 ms", "goal");
            clearSlowLog();
            row("Summary: myAccounts() of 1 or 2 loans", time(someCustomer, accounts::myAccounts), "p95 <= 10 ms");
            List<String> summaryScans = fullScans();
            clearSlowLog();
            row("Transactions: detail() of one loan", time(someLoan, () -> accounts.detail(loanNumber[0])), null);
            List<String> transactionScans = fullScans();
            clearSlowLog();
            row("Staff search (7 kinds of query)", time(someTerm, () -> search.search(term[0])), "p95 <= 100 ms");
            List<String> searchScans = fullScans();
            SignIn.out();
            report("Summary", summaryScans);
            report("Transactions", transactionScans);
            report("Staff search", searchScans);
            autopayRun(context);
        } finally {
            restore(before);
        }
    }

    /**
     * The daily AutoPay run for the business date through {@link AutoPayOperations#run}, the call the scheduled job
     * makes (under its ShedLock lock, which a single process does not need), as the system. Fails unless it made one
     * payment for every AutoPay due: a run that pays nothing would otherwise look fast. Prints the run's full scans,
     * and how MariaDB reads each of those statements once the run has filled the tables it wrote to.
     */
    private static void autopayRun(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        AutoPayOperations operations = context.getBean(AutoPayOperations.class);
        long enrolled = jdbc.queryForObject("SELECT COUNT(*) FROM autopays WHERE status = 'ACTIVE'", Long.class);
        long due = jdbc.queryForObject("SELECT COUNT(*) FROM autopays WHERE status = 'ACTIVE' AND next_process_date <= ?",
                Long.class, java.sql.Date.valueOf(TODAY));
        long paymentsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE standing_reference IS NOT NULL", Long.class);
        System.out.printf(Locale.ROOT, "%nAutoPay run for %s: %,d active AutoPays (%d %% of the loans), %,d due today%n",
                TODAY, enrolled, AUTOPAY_PERCENT, due);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long diskReads = bufferPoolDiskReads();
        clearSlowLog();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        AutoPayRunReport report = SystemTask.call(() -> operations.run(TODAY));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        List<String> scans = fullScans();
        List<String> examples = fullScanExamples();
        diskReads = bufferPoolDiskReads() - diskReads;
        long made = jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE standing_reference IS NOT NULL", Long.class)
                - paymentsBefore;
        System.out.println("  " + report);
        System.out.printf(Locale.ROOT, "  considered %,d, paid %,d, skipped %d, ended %d, not paid %d, suspended %d, "
                        + "declined %d, errors %d%n", report.autopays(), report.paid(), report.skipped(), report.ended(),
                report.notPaid(), report.suspended(), report.declined(), report.errors());
        jdbc.query("""
                SELECT channel, status, COUNT(*), SUM(amount) FROM payments WHERE standing_reference IS NOT NULL
                GROUP BY channel, status ORDER BY channel, status""", rs -> {
            System.out.printf(Locale.ROOT, "  payments %-5s %-11s %,8d   $%,.2f%n", rs.getString(1), rs.getString(2),
                    rs.getLong(3), rs.getBigDecimal(4));
        });
        System.out.printf(Locale.ROOT, "  due AutoPays %,d, payments created %,d; wall time %.1f s, %.2f ms a payment, "
                + "%.0f payments/s%n", due, made, seconds, made == 0 ? 0 : seconds * 1000 / made, made / seconds);
        System.out.printf(Locale.ROOT, "  this JVM's CPU during the run %.1f s (%.0f %% of one core); InnoDB pages read "
                + "from disk %,d (the whole server's, other work included)%n", cpuSeconds, 100 * cpuSeconds / seconds, diskReads);
        if (made != due || report.paid() != due || report.errors() != 0) {
            throw new IllegalStateException("The AutoPay run did not pay every due AutoPay: " + due + " due, " + made
                    + " payments created, " + report);
        }
        report("AutoPay run", scans);
        if (!examples.isEmpty()) {
            jdbc.execute("ANALYZE TABLE payments, autopay_runs, email_outbox, outbox_events");
            System.out.println("  The same statements on the tables as the run left them (EXPLAIN: table, access, key, rows):");
            for (String sql : examples) {
                List<String> plan;
                try {
                    plan = jdbc.query("EXPLAIN " + sql, (rs, n) -> rs.getString("table") + " "
                            + rs.getString("type") + " " + rs.getString("key") + " " + rs.getString("rows"));
                } catch (org.springframework.dao.DataAccessException e) {
                    plan = List.of("no plan: " + e.getMostSpecificCause().getMessage());
                }
                String shape = sql.replaceAll("\\s+", " ");
                System.out.println("    " + plan + " <- " + (shape.length() > 120 ? shape.substring(0, 120) + " ..." : shape));
            }
        }
    }

    /** Read on a connection of its own, outside the slow log, so it is not counted as a statement of the run. */
    private static long bufferPoolDiskReads() {
        try (Connection connection = root(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION slow_query_log = 0");
            try (ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'")) {
                rs.next();
                return rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One statement of each shape {@link #fullScans} found, as it was run. */
    private static List<String> fullScanExamples() {
        Map<String, String> examples = new LinkedHashMap<>();
        try (Connection connection = root(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT CONVERT(sql_text USING utf8mb4) FROM mysql.slow_log
                     WHERE db = '%s'""".formatted(PortalBenchmark.DATABASE_NAME))) {
            while (rs.next()) {
                String sql = rs.getString(1);
                examples.putIfAbsent(sql.replaceAll("\\s+", " ").replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "?"), sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(examples.values());
    }

    /** Each call timed alone; {@code prepare} (who is signed in, which loan) runs before the clock starts. */
    private static long[] time(Runnable prepare, Supplier<?> call) {
        for (int i = 0; i < WARMUP; i++) {
            prepare.run();
            sink += System.identityHashCode(call.get());
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            prepare.run();
            long start = System.nanoTime();
            Object result = call.get();
            nanos[i] = System.nanoTime() - start;
            sink += System.identityHashCode(result);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void row(String name, long[] sorted, String goal) {
        System.out.printf(Locale.ROOT, "  %-44s %9.2f %9.2f %9.2f %9s%n", name, ms(sorted, 50), ms(sorted, 95), ms(sorted, 99),
                goal == null ? "" : goal);
    }

    private static double ms(long[] sorted, int percent) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[index] / 1e6;
    }

    private static void report(String path, List<String> scans) {
        System.out.printf(Locale.ROOT, "%n%s: %d statement shapes read a whole table or joined without an index%n", path, scans.size());
        scans.forEach(sql -> System.out.println("  " + sql));
    }

    // --- MariaDB's slow log, filtered to full scans --------------------------------------------------------------

    private static final List<String> SLOW_LOG_SETTINGS = List.of("slow_query_log", "log_output", "long_query_time",
            "log_slow_filter", "min_examined_row_limit");

    /** Turns the full-scan log on for new sessions; the pool's connections are opened again so they take it. */
    private static Map<String, String> slowLogOn() throws SQLException {
        Map<String, String> before = new LinkedHashMap<>();
        try (Connection connection = root(); Statement statement = connection.createStatement()) {
            for (String name : SLOW_LOG_SETTINGS) {
                try (ResultSet rs = statement.executeQuery("SELECT @@GLOBAL." + name)) {
                    rs.next();
                    before.put(name, rs.getString(1));
                }
            }
            statement.execute("SET GLOBAL log_output = 'TABLE'");
            statement.execute("SET GLOBAL long_query_time = 0");
            statement.execute("SET GLOBAL min_examined_row_limit = 0");
            statement.execute("SET GLOBAL log_slow_filter = 'full_scan,full_join'");
            statement.execute("SET GLOBAL slow_query_log = 1");
        }
        return before;
    }

    private static void restore(Map<String, String> before) throws SQLException {
        try (Connection connection = root(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : before.entrySet()) {
                String value = setting.getValue();
                boolean number = value.matches("[0-9.]+");
                statement.execute("SET GLOBAL " + setting.getKey() + " = " + (number ? value : "'" + value + "'"));
            }
        }
    }

    private static void clearSlowLog() {
        try (Connection connection = root(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION slow_query_log = 0");
            statement.execute("TRUNCATE TABLE mysql.slow_log");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Statements with the same shape count as one: numbers and quoted strings are replaced by {@code ?}. */
    private static final int SMALL_TABLE_ROWS = 1_000;

    private static List<String> fullScans() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (Connection connection = root(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT CONVERT(sql_text USING utf8mb4), rows_examined FROM mysql.slow_log
                     WHERE db = '%s'""".formatted(PortalBenchmark.DATABASE_NAME))) {
            while (rs.next()) {
                String shape = rs.getString(1).replaceAll("\\s+", " ").replaceAll("'[^']*'", "?")
                        .replaceAll("\\b\\d+\\b", "?");
                long[] seen = shapes.computeIfAbsent(shape, k -> new long[2]);
                seen[0]++;
                seen[1] = Math.max(seen[1], rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> statements = new ArrayList<>();
        shapes.forEach((sql, seen) -> statements.add(String.format(Locale.ROOT, "%6d x, up to %,d rows examined%s: %s",
                seen[0], seen[1], seen[1] < SMALL_TABLE_ROWS ? " (a table of a few rows, read whole: harmless)" : "",
                sql.length() > 400 ? sql.substring(0, 400) + " ..." : sql)));
        return statements;
    }

    private static Connection root() throws SQLException {
        return DriverManager.getConnection(PortalBenchmark.MARIADB_SERVER, "root", "");
    }
}

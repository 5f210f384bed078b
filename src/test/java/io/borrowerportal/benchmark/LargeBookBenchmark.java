package io.borrowerportal.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.SystemTask;
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
 * <p>Full scans are found as they happen: while the paths are timed, MariaDB's slow log is on for statements that
 * read a whole table or joined without an index ({@code log_slow_filter=full_scan,full_join}, every statement
 * regardless of its time), into {@code mysql.slow_log}; the benchmark prints each such statement of this database.
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
    static final LocalDate TODAY = PortalBenchmark.TODAY;
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
            System.out.printf(Locale.ROOT, "Generated in %.1f s: %,d customers, %,d loans, %,d ledger entries%n",
                    (System.nanoTime() - started) / 1e9, count(jdbc, "customers"), count(jdbc, "loan_accounts"),
                    count(jdbc, "ledger_entries"));
            jdbc.execute("ANALYZE TABLE customers, loan_accounts, customer_accounts, ledger_entries");
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
        } finally {
            restore(before);
        }
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

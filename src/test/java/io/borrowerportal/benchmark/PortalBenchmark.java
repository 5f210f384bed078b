package io.borrowerportal.benchmark;

import io.borrowerportal.Application;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.payment.AchFileSummary;
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.PaymentType;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How fast the loan math and the customer's account pages are, as numbers printed to the console:
 * {@code ./mvnw -Pbenchmark verify}. Deliberately not a test: timings depend on the machine, so
 * nothing here passes or fails, and the printed goal is for a reader to compare.
 *
 * <p>Each call is timed on its own with {@link System#nanoTime()} after a warm-up, so the table shows
 * the spread (p95, p99) a customer would feel and not only an average.
 */
public final class PortalBenchmark {

    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    /** {@code -Dportal.bench.db.name}: the benchmark cleans its database, so two work trees on one server use two. */
    static final String DATABASE_NAME = databaseName();
    static final String MARIADB_URL = MARIADB_SERVER + DATABASE_NAME;
    static final String H2_URL = "jdbc:h2:mem:" + DATABASE_NAME + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    /** The business date: ten years into the benchmark's thirty-year loan. */
    static final LocalDate TODAY = LocalDate.parse("2036-06-15");
    static final double SUMMARY_GOAL_MS = 5.0;
    static final double CARD_PAYMENT_GOAL_MS = 50.0;
    static final double ACH_EXPORT_GOAL_SECONDS = 5.0;
    static final int ACH_ENTRIES = 100_000;

    private static final int ENGINE_WARMUP = 20_000;
    private static final int ENGINE_CALLS = 10_000;
    private static final int SERVICE_WARMUP = 300;
    private static final int SERVICE_CALLS = 500;

    /** Results are folded in here so the JIT cannot drop a call whose result is unused. */
    private static volatile int sink;
    /** Collector time during the last timed series: a tail that matches it is the GC, not the code. */
    private static long lastGcMillis;

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = database();
        System.out.printf(Locale.ROOT, "Borrower Portal benchmark%n");
        System.out.printf(Locale.ROOT, "java.version=%s (%s), processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, database);

        engine();
        services(database);
        System.out.printf(Locale.ROOT, "%njava.version=%s, processors=%d, database=%s, sink=%d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), database, sink);
    }

    private static void engine() {
        LoanTerms terms = BenchmarkLoans.THIRTY_YEARS;
        List<LedgerEntry> tenYears = BenchmarkLoans.paidOnSchedule(terms, 120);
        LocalDate afterTenYears = LoanEngine.schedule(terms).get(119).dueDate().plusDays(14);
        List<LedgerEntry> fresh = BenchmarkLoans.paidOnSchedule(terms, 0);
        int forecastRows = LoanEngine.forecast(terms, fresh, terms.startDate()).size();

        System.out.printf(Locale.ROOT, "Engine (pure loan math, %,d warm-up calls, %,d timed calls each)%n",
                ENGINE_WARMUP, ENGINE_CALLS);
        header("us");
        row("figures, 360-month loan, 120 payments", "us", time(ENGINE_WARMUP, ENGINE_CALLS,
                () -> LoanEngine.figures(terms, tenYears, afterTenYears)), null);
        row("forecast, fresh 360-month loan (" + forecastRows + " rows)", "us", time(ENGINE_WARMUP, ENGINE_CALLS,
                () -> LoanEngine.forecast(terms, fresh, terms.startDate())), null);
        row("schedule, 360 installments", "us", time(ENGINE_WARMUP, ENGINE_CALLS,
                () -> LoanEngine.schedule(terms)), null);
        System.out.println();
    }

    private static void services(String database) {
        try (ConfigurableApplicationContext context = start(database)) {
            Accounts accounts = book(context);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            AccountService service = context.getBean(AccountService.class);

            System.out.printf(Locale.ROOT, "Service (server time incl. SQL on %s, business date %s, %d warm-up calls, %d timed calls each)%n",
                    database, TODAY, SERVICE_WARMUP, SERVICE_CALLS);
            // Every page is warmed up before any is timed, so the first one timed does not pay for the
            // JIT, Hibernate's query plans and the connection pool on behalf of the others.
            SignIn.as(users, accounts.freshEmail());
            warmUp(SERVICE_WARMUP, () -> service.detail(accounts.freshLoan()));
            SignIn.as(users, accounts.paidEmail());
            warmUp(SERVICE_WARMUP, service::myAccounts);
            warmUp(SERVICE_WARMUP, () -> service.detail(accounts.paidLoan()));

            header("ms");
            row("myAccounts(), 1 account, 120 payments", "ms",
                    time(0, SERVICE_CALLS, service::myAccounts),
                    String.format(Locale.ROOT, "goal <= %.0f ms per account (summary figures)", SUMMARY_GOAL_MS));
            row("detail(), 120 payments", "ms",
                    time(0, SERVICE_CALLS, () -> service.detail(accounts.paidLoan())), null);
            SignIn.as(users, accounts.freshEmail());
            int rows = service.detail(accounts.freshLoan()).forecast().size();
            row("detail(), fresh 360-month loan (" + rows + "-row forecast)", "ms",
                    time(0, SERVICE_CALLS, () -> service.detail(accounts.freshLoan())), null);
            payments(context, users, accounts);
            SignIn.out();
        }
    }

    /**
     * Card payments through the whole service (rules, row lock, sandbox processor, ledger posting, outbox
     * email), then the NACHA export of 100,000 pending bank payments: reading them, decrypting each account
     * number, writing the file, and marking every payment sent with its trace number.
     */
    private static void payments(ConfigurableApplicationContext context, UserDetailsService users, Accounts accounts) {
        PaymentProfileService profiles = context.getBean(PaymentProfileService.class);
        PaymentService payments = context.getBean(PaymentService.class);
        SignIn.as(users, accounts.freshEmail());
        ProfileSummary card = profiles.addCard(new NewCardProfile("Bench card", "Fresh Borrower", "4242424242424242",
                12, TODAY.getYear() + 3, "123", "12345", true));
        ProfileSummary bank = profiles.addBank(new NewBankProfile("Bench bank", "Fresh Borrower", "021000021",
                "123456789012", "123456789012", BankAccountKind.CHECKING, false));
        Supplier<PaymentSummary> pay = () -> payments.submit(new PaymentRequest(accounts.freshLoan(), PaymentType.CUSTOM,
                new BigDecimal("10.00"), card.id(), null, PaymentFixtures.key()));
        if (pay.get().status() != PaymentStatus.COMPLETED) {
            throw new IllegalStateException("The benchmark card payment did not complete");
        }
        long[] timed = time(100, 300, pay);
        rowGoal("PaymentService.submit(), card, sandbox processor", timed, 95, CARD_PAYMENT_GOAL_MS);
        SignIn.out();

        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long accountId = jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class,
                accounts.freshLoan());
        long customerId = jdbc.queryForObject("select customer_id from payment_profiles where id = ?", Long.class, bank.id());
        List<Object[]> rows = new ArrayList<>(ACH_ENTRIES);
        Timestamp now = Timestamp.from(java.time.Instant.now());
        for (int i = 0; i < ACH_ENTRIES; i++) {
            rows.add(new Object[] {String.format(Locale.ROOT, "BN-%08d", i), "bench-key-" + i, accountId,
                    accounts.freshLoan(), customerId, bank.id(), new BigDecimal("125.00"), java.sql.Date.valueOf(TODAY),
                    java.sql.Date.valueOf(TODAY), now, now});
        }
        jdbc.batchUpdate("insert into payments (confirmation_number, idempotency_key, account_id, loan_number, "
                        + "customer_id, profile_id, channel, payment_type, method_label, amount, convenience_fee, "
                        + "process_date, apply_date, status, created_by, created_at, updated_at, version) values "
                        + "(?, ?, ?, ?, ?, ?, 'BANK', 'CUSTOM', 'Checking 9012', ?, 0, ?, ?, 'PENDING', 'bench', ?, ?, 0)",
                rows, 2000, (ps, row) -> {
                    for (int c = 0; c < row.length; c++) {
                        ps.setObject(c + 1, row[c]);
                    }
                });
        AchExport export = context.getBean(AchExport.class);
        long start = System.nanoTime();
        AchFileSummary file = SystemTask.call(export::exportPending).orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %-52s %6d %9.3f s   goal <= %.0f s%s; file %s%n",
                "AchExport.exportPending(), " + String.format(Locale.ROOT, "%,d", file.entryCount()) + " entries",
                1, seconds, ACH_EXPORT_GOAL_SECONDS, seconds <= ACH_EXPORT_GOAL_SECONDS ? " (met)" : " (NOT met)",
                file.state().label().toLowerCase(Locale.ROOT));
        System.out.println();
        NachaBenchmark.run(System.out);
    }

    private static void rowGoal(String name, long[] sorted, int percent, double goalMs) {
        double value = percentile(sorted, percent) / 1e6;
        row(name, "ms", sorted, null);
        System.out.printf(Locale.ROOT, "  %-52s p%d = %.3f ms   goal <= %.0f ms%s%n", "", percent, value, goalMs,
                value <= goalMs ? " (met)" : " (NOT met)");
    }

    private record Accounts(String paidEmail, String paidLoan, String freshEmail, String freshLoan) {
    }

    /** One borrower ten years into a 30-year loan, one whose 30-year loan was booked this month. */
    private static Accounts book(ConfigurableApplicationContext context) {
        CustomerService customers = context.getBean(CustomerService.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        return SystemTask.call(() -> {
            servicing.defineProduct(new ProductDefinition("HOME", "Home loan", new BigDecimal("6.5000"), 360, PaymentFrequency.MONTHLY,
                    DayCount.THIRTY_360, false));

            long paid = customers.create("paid.borrower@example.com", "Paid", "Borrower", "+1 555 0201", "bench-password-1");
            LocalDate start = TODAY.minusYears(10).minusMonths(1);
            String paidLoan = open(servicing, "BENCH-120", start);
            servicing.link(paidLoan, paid, LinkRole.BORROWER);
            List<Installment> schedule = LoanEngine.schedule(servicing.terms(paidLoan));
            for (Installment due : schedule.subList(0, 120)) {
                servicing.postPayment(paidLoan, due.dueDate(), due.payment(), PaymentKind.REGULAR, "Payment");
            }

            long fresh = customers.create("fresh.borrower@example.com", "Fresh", "Borrower", "+1 555 0202", "bench-password-1");
            String freshLoan = open(servicing, "BENCH-000", TODAY.withDayOfMonth(1));
            servicing.link(freshLoan, fresh, LinkRole.BORROWER);
            return new Accounts("paid.borrower@example.com", paidLoan, "fresh.borrower@example.com", freshLoan);
        });
    }

    private static String open(LoanServicing servicing, String number, LocalDate start) {
        LoanTerms terms = new LoanTerms(new BigDecimal("250000.00"), new BigDecimal("6.5000"), 360, start,
                start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
        return servicing.openAccount(new OpenAccountCommand(number, "HOME", terms, null, null));
    }

    /**
     * The whole application on a fresh schema. Command-line arguments, because they outrank
     * application.properties (default properties would not). Vaadin and the security filter chain need
     * a servlet context, so it listens on a random port that nothing calls.
     */
    private static ConfigurableApplicationContext start(String database) {
        return start(database, TODAY);
    }

    /** @param extra more {@code --name=value} arguments, after (and so above) the ones every benchmark uses */
    static ConfigurableApplicationContext start(String database, LocalDate today, String... extra) {
        boolean mariadb = database.startsWith("MariaDB");
        FlywayMigrationStrategy cleanThenMigrate = flyway -> {
            flyway.clean();
            flyway.migrate();
        };
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkCleanThenMigrate", cleanThenMigrate))
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0", "--management.server.port=0",
                        "--spring.datasource.url=" + (mariadb ? MARIADB_URL : H2_URL),
                        "--spring.datasource.username=" + (mariadb ? "root" : "sa"),
                        "--spring.datasource.password=",
                        // As the mariadb profile sets it for production (application-mariadb.properties).
                        "--spring.datasource.hikari.data-source-properties.useServerPrepStmts=" + mariadb,
                        "--spring.flyway.clean-disabled=false",
                        "--portal.demo-data=false",
                        "--portal.jobs.enabled=false",
                        // A fresh folder per run: the database starts empty, and a file of an earlier run with the
                        // same name would not be replaced (decision 010).
                        "--portal.ach.outbox-dir=target/benchmark-ach/" + System.currentTimeMillis(),
                        "--portal.payments.bank-key-file=target/benchmark-bank.key",
                        "--portal.audit.hmac-key-file=target/benchmark-audit-hmac.key",
                        // The test key, so PaymentFixtures.key() issues keys this context accepts.
                        "--portal.payments.form-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "--portal.today=" + today,
                        // As the production jar runs (it leaves vaadin-dev out). The test classpath has vaadin-dev, and
                        // dev mode keeps the metadata of every class it scanned: ~160 MB of a 512 MB heap, which made
                        // every benchmark's collector work harder than a production node's.
                        "--vaadin.productionMode=true",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn"), java.util.Arrays.stream(extra)).toArray(String[]::new));
    }

    /** MariaDB when one answers on 127.0.0.1:3306 (as the service tests choose), else in-memory H2. */
    static String database() {
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE_NAME + " CHARACTER SET utf8mb4");
            return "MariaDB " + connection.getMetaData().getDatabaseProductVersion() + " (" + MARIADB_URL + ")";
        } catch (SQLException e) {
            System.out.println("MariaDB at " + MARIADB_SERVER + " is not reachable (" + e.getMessage() + "); using H2");
            return "H2 in-memory (" + H2_URL + ")";
        }
    }

    private static String databaseName() {
        String name = System.getProperty("portal.bench.db.name", "portal_bench");
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalStateException("portal.bench.db.name must be lower-case letters, digits and _: " + name);
        }
        return name;
    }

    private static void warmUp(int calls, Supplier<?> call) {
        for (int i = 0; i < calls; i++) {
            sink += System.identityHashCode(call.get());
        }
    }

    /** Nanoseconds of each timed call, sorted; the last slot holds the GC pause time during the timed calls. */
    private static long[] time(int warmup, int calls, Supplier<?> call) {
        warmUp(warmup, call);
        long gcBefore = gcMillis();
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            Object result = call.get();
            nanos[i] = System.nanoTime() - start;
            sink += System.identityHashCode(result);
        }
        Arrays.sort(nanos);
        lastGcMillis = gcMillis() - gcBefore;
        return nanos;
    }

    private static void header(String unit) {
        System.out.printf(Locale.ROOT, "  %-52s %6s %10s %10s %10s %10s %7s%n", "operation", "calls",
                "mean " + unit, "p50 " + unit, "p95 " + unit, "p99 " + unit, "gc ms");
    }

    private static void row(String name, String unit, long[] sorted, String note) {
        double scale = "ms".equals(unit) ? 1e6 : 1e3;
        double mean = Arrays.stream(sorted).average().orElse(0) / scale;
        System.out.printf(Locale.ROOT, "  %-52s %6d %10.3f %10.3f %10.3f %10.3f %7d%s%n", name, sorted.length, mean,
                percentile(sorted, 50) / scale, percentile(sorted, 95) / scale, percentile(sorted, 99) / scale, lastGcMillis,
                note == null ? "" : "   " + note + (mean <= SUMMARY_GOAL_MS ? " (met)" : " (NOT met)"));
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

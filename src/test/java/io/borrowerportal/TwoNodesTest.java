package io.borrowerportal;

import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.common.JobLocks;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static io.borrowerportal.Polling.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database of their own (issue #14, decision 038): two Spring Boot contexts of
 * {@link Application}, each with its own embedded server, scheduler and in-memory state, as two processes behind a
 * load balancer would be. Both have the scheduled jobs switched on (the production default), and each test calls
 * the same job on both nodes at the same moment, through the Spring proxy so {@code @SchedulerLock} applies: the
 * work happens once. A settings change saved on one node is in force on the other within decision 025's guarantee,
 * and a payment made on one is on the other's Summary figures.
 * <p>
 * Runs on MariaDB in CI ({@code -Dportal.test.db=mariadb}) and on in-memory H2 elsewhere, which two contexts in one
 * JVM share by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    /** Decision 025: one refresh interval (2 s) plus a second for the read. */
    static final Duration SETTINGS_GUARANTEE = Duration.ofSeconds(3);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final String DATABASE = TestDatabase.NAME + "_nodes";
    static final String ADMIN = "nodes.admin@example.com";
    /** One ACH outbox folder for both nodes, as production must share one (decision 038). */
    static final Path ACH_OUTBOX = Path.of("target", "two-nodes-ach", UUID.randomUUID().toString());

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private SecurityContextHolderStrategy before;
    private Node a;
    private Node b;
    private ExecutorService threads;

    /** One application context, and the sign-in holder its services read. */
    record Node(String name, ConfigurableApplicationContext context, SecurityContextHolderStrategy signIns) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    @BeforeAll
    void startTwoNodes() {
        before = SecurityContextHolder.getContextHolderStrategy();
        boolean mariadb = "mariadb".equals(TestDatabase.mode());
        if (mariadb) {
            try (Connection connection = DriverManager.getConnection(TestDatabase.MARIADB_SERVER, "root", "");
                 Statement statement = connection.createStatement()) {
                // Dropping the whole database is one statement; Flyway's clean drops object by object.
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
                statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        String url = mariadb ? TestDatabase.MARIADB_SERVER + DATABASE
                : "jdbc:h2:mem:" + DATABASE + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        long started = System.nanoTime();
        // The first node migrates the schema, as the first node of a deployment does; the second joins it. No demo
        // data: each test makes the loans it needs, and the first admin comes from the settings, as in production.
        a = start("a", url, mariadb, true);
        b = start("b", url, mariadb, false);
        System.out.printf("[two-nodes] both nodes up on %s after %d ms%n", url,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        // Each context installed its own holder in the static SecurityContextHolder as it started, and its services
        // read theirs. A sign-in on a test thread (SignIn, SystemTask) goes to both, so either node sees it.
        SecurityContextHolder.setContextHolderStrategy(new BothNodes(a.signIns(), b.signIns()));
        threads = Executors.newFixedThreadPool(2);
        // The product of PaymentFixtures' loans, as the demo lender defines it.
        SystemTask.run(() -> a.bean(LoanServicing.class).defineProduct(new ProductDefinition("PERSONAL",
                "Personal loan", new BigDecimal("11.5000"), 36, PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false)));
    }

    private Node start(String name, String url, boolean mariadb, boolean first) {
        FlywayMigrationStrategy cleanThenMigrate = flyway -> {
            flyway.clean();
            flyway.migrate();
        };
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (mariadb ? "root" : "sa"),
                "--spring.datasource.password=",
                "--spring.datasource.hikari.data-source-properties.useServerPrepStmts=" + mariadb,
                // The production default: every node schedules every job, and ShedLock lets one run each.
                "--portal.jobs.enabled=true",
                "--portal.demo-data=false",
                "--portal.ach.outbox-dir=" + ACH_OUTBOX,
                "--portal.first-admin.email=" + ADMIN,
                "--portal.first-admin.password=two-nodes-admin-password-1",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.server().getSmtp().getPort(),
                // As the production jar runs; dev mode would hold much more memory per context.
                "--vaadin.productionMode=true",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        if (!first) {
            args.add("--spring.flyway.enabled=false");
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .profiles("test");
        if (first) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("twoNodesCleanThenMigrate",
                    cleanThenMigrate));
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        System.out.printf("[two-nodes] node %s started in %d ms on port %s%n", name,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                context.getEnvironment().getProperty("local.server.port"));
        return new Node(name, context, SecurityContextHolder.getContextHolderStrategy());
    }

    @AfterAll
    void stopBothNodes() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        try {
            for (Node node : Stream.of(b, a).filter(java.util.Objects::nonNull).toList()) {
                node.context().close();
            }
        } finally {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }

    // --- jobs ----------------------------------------------------------------------------------------------------

    @Test
    void each_due_autopay_is_paid_once_when_both_nodes_run_the_autopay_job_at_the_same_moment() {
        // The job pays from the lender's run time on; midnight makes it due whatever the hour the suite runs.
        AutoPaySettings rules = a.bean(SettingsService.class).autopay();
        AutoPaySettings atMidnight = new AutoPaySettings(true, rules.customerMayCreate(), rules.customerMayEdit(),
                rules.customerMayCancel(), rules.frequencies(), rules.amountTypes(), rules.maxActivePerAccount(),
                LocalTime.MIDNIGHT);
        asAdmin(a, () -> a.bean(SettingsService.class).updateAutopay(atMidnight));
        within(SETTINGS_GUARANTEE, () -> LocalTime.MIDNIGHT.equals(b.bean(SettingsService.class).autopay().runTime()));
        try {
            List<String> references = new ArrayList<>();
            List<Borrower> borrowers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Borrower borrower = borrower(a, "nodes-autopay-" + i);
                long bank = as(a, borrower.email(), () -> a.bean(PaymentProfileService.class)
                        .addBank(PaymentFixtures.bank(PaymentFixtures.uniqueAccountNumber())).id());
                AutoPayTerms terms = new AutoPayTerms(bank, AutoPayFrequency.MONTHLY, AutoPayAmountType.FIXED,
                        new BigDecimal("25.00"), LocalDate.of(2026, 12, 25), null, false, false);
                AutoPaySummary autopay = as(a, borrower.email(), () -> a.bean(AutoPayService.class).schedule(
                        borrower.loanNumber(), terms, a.bean(AutoPayReviews.class)
                                .review(borrower.loanNumber(), null, terms).authorizationText(), "203.0.113.7"));
                references.add(autopay.reference());
                borrowers.add(borrower);
            }
            // Due today: the clock cannot move to the first due date, so the due date comes to it.
            for (String reference : references) {
                jdbc().update("update autopays set next_due_date = ?, next_process_date = ? where reference = ?",
                        TODAY, TODAY, reference);
            }
            Timestamp lockBefore = lockedAt("autopay-run");

            onBothAtOnce("io.borrowerportal.autopay.AutoPayJobs", "runAtRunTime", () -> references.stream().allMatch(
                    reference -> count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id "
                            + "where a.reference = ?", reference) > 0));

            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                assertThat(count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id "
                        + "where a.reference = ? and r.outcome = 'PAID'", reference)).as("one run recorded for " + reference)
                        .isEqualTo(1);
                Borrower borrower = borrowers.get(i);
                List<PaymentSummary> paid = as(b, borrower.email(), () -> b.bean(PaymentService.class)
                        .payments(borrower.loanNumber()).stream().filter(p -> ("AutoPay " + reference).equals(p.madeBy()))
                        .toList());
                assertThat(paid).as("one payment for " + reference).singleElement()
                        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("25.00"));
            }
            assertLockTaken("autopay-run", lockBefore);
        } finally {
            // The run time as it was: a later class sharing the database (in another order) must not inherit midnight.
            asAdmin(a, () -> a.bean(SettingsService.class).updateAutopay(rules));
        }
    }

    @Test
    void each_bank_payment_settles_once_when_both_nodes_run_the_settlement_job_at_the_same_moment() {
        List<String> confirmations = bankPaymentsDueToday("nodes-settle");
        SystemTask.call(a.bean(AchExport.class)::exportPending);
        for (String confirmation : confirmations) {
            assertThat(count("select count(*) from payments p join ach_files f on f.id = p.ach_file_id "
                    + "where p.confirmation_number = ? and f.state = 'DELIVERED'", confirmation))
                    .as(confirmation + " in a delivered file").isEqualTo(1);
            // The clock cannot move two business days: the settlement date comes to it instead.
            jdbc().update("update payments set settles_on = ? where confirmation_number = ?", TODAY.minusDays(1),
                    confirmation);
        }
        Timestamp lockBefore = lockedAt("ach-settlement");

        onBothAtOnce("io.borrowerportal.payment.PaymentJobs", "settle", () -> confirmations.stream().allMatch(
                confirmation -> count("select count(*) from payments where confirmation_number = ? "
                        + "and status = 'COMPLETED'", confirmation) == 1));

        for (String confirmation : confirmations) {
            assertThat(jdbc().queryForObject("select status from payments where confirmation_number = ?", String.class,
                    confirmation)).isEqualTo("COMPLETED");
            assertThat(count("select count(*) from audit_events where action = 'PAYMENT_COMPLETED' and detail = ?",
                    confirmation + " settled")).as("settled once: " + confirmation).isEqualTo(1);
        }
        assertLockTaken("ach-settlement", lockBefore);
    }

    @Test
    void each_bank_payment_goes_into_one_ach_file_when_both_nodes_run_the_export_at_the_same_moment() throws IOException {
        List<String> confirmations = bankPaymentsDueToday("nodes-export");
        // The export runs from the cut-off on; midnight makes it due whatever the hour the suite runs.
        WebsiteSettings was = a.bean(SettingsService.class).current();
        asAdmin(a, () -> a.bean(SettingsService.class).update(was.withCutoffTime(LocalTime.MIDNIGHT)));
        try {
            within(SETTINGS_GUARANTEE, () -> LocalTime.MIDNIGHT.equals(b.bean(SettingsService.class).current().cutoffTime()));
            long lastFile = count("select coalesce(max(id), 0) from ach_files");
            Timestamp lockBefore = lockedAt("ach-export");

            onBothAtOnce("io.borrowerportal.payment.PaymentJobs", "exportAtCutoff", () -> confirmations.stream().allMatch(
                    confirmation -> count("select count(*) from payments where confirmation_number = ? "
                            + "and ach_file_id is not null", confirmation) == 1));

            assertThat(count("select count(*) from ach_files where id > ? and state = 'DELIVERED'", lastFile))
                    .as("files written by the calls").isPositive();
            assertThat(count("select coalesce(sum(entry_count), 0) from ach_files where id > ?", lastFile))
                    .as("every entry in the new files is a payment that names its file, once")
                    .isEqualTo(count("select count(*) from payments where ach_file_id > ?", lastFile));
            // Both nodes write to the one outbox folder, as production must (docs/scaling.md).
            List<String> files;
            try (Stream<Path> folder = Files.list(ACH_OUTBOX)) {
                files = folder.filter(Files::isRegularFile).map(file -> {
                    try {
                        return Files.readString(file, StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
            for (String confirmation : confirmations) {
                assertThat(files.stream().mapToLong(text -> occurrences(text, confirmation)).sum())
                        .as(confirmation + " in the delivered files").isEqualTo(1);
            }
            assertLockTaken("ach-export", lockBefore);
        } finally {
            asAdmin(a, () -> a.bean(SettingsService.class).update(was));
            within(SETTINGS_GUARANTEE, () -> was.cutoffTime().equals(b.bean(SettingsService.class).current().cutoffTime()));
        }
    }

    @Test
    void each_loan_gets_one_statement_and_one_email_when_both_nodes_run_the_statement_job_at_the_same_moment() {
        List<String> loans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loans.add(borrower(a, "nodes-statement-" + i).loanNumber());
        }
        // November's run, if the scheduler on either node has written it already, is taken back.
        LocalDate november = LocalDate.of(2026, 11, 1);
        jdbc().update("delete from statements where period_start = ?", november);
        jdbc().update("delete from statement_runs where period_start = ?", november);
        long lastEmail = lastEmailId();
        Timestamp lockBefore = lockedAt("monthly-statements");

        onBothAtOnce("io.borrowerportal.statement.StatementJobs", "writeAfterEachMonth",
                () -> count("select count(*) from statement_runs where period_start = ?", november) > 0);

        List<String> written = jdbc().queryForList("select a.loan_number from statements s join loan_accounts a "
                + "on a.id = s.account_id where s.period_start = ?", String.class, november);
        assertThat(written).as("one statement per loan").doesNotHaveDuplicates().containsAll(loans);
        assertThat(count("select count(*) from statement_runs where period_start = ?", november)).isEqualTo(1);
        for (String loan : loans) {
            assertThat(count("select count(*) from email_outbox where id > ? and subject = ?", lastEmail,
                    "Your November 2026 statement for loan " + loan + " is ready")).as("one email for " + loan)
                    .isEqualTo(1);
        }
        int notified = count("select coalesce(sum(customers_notified), 0) from statements where period_start = ?",
                november);
        assertThat(count("select count(*) from email_outbox where id > ? and subject like ?", lastEmail,
                "Your November 2026 statement for loan %")).as("one email per customer and statement")
                .isEqualTo(notified).isGreaterThanOrEqualTo(loans.size());
        assertLockTaken("monthly-statements", lockBefore);
    }

    @Test
    void each_queued_email_is_sent_once_when_both_nodes_run_the_outbox_dispatcher_at_the_same_moment() throws Exception {
        int messages = 12;
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String to = "nodes-" + unique + "-" + i + "@example.com";
            recipients.add(to);
            // As rows the after-commit delivery missed (a node stopped): queued, due, never attempted.
            jdbc().update("insert into email_outbox (recipient, subject, body, status, attempts, created_at, "
                    + "next_attempt_at) values (?, ?, 'Sent by one node only.', 'QUEUED', 0, ?, ?)", to,
                    "Two nodes " + unique + " #" + i, Timestamp.from(Instant.now().minusSeconds(60)),
                    Timestamp.from(Instant.now().minusSeconds(60)));
        }
        Timestamp lockBefore = lockedAt("email-outbox-dispatch");

        onBothAtOnce("io.borrowerportal.notification.EmailOutboxJob", "dispatch", () -> count("select count(*) "
                + "from email_outbox where subject like ? and status = 'QUEUED'", "Two nodes " + unique + " #%") == 0);

        assertThat(jdbc().queryForList("select status from email_outbox where recipient in ("
                + String.join(",", recipients.stream().map(r -> "?").toList()) + ")", String.class, recipients.toArray()))
                .hasSize(messages).containsOnly("SENT");
        assertThat(count("select coalesce(sum(attempts), 0) from email_outbox where subject like ?",
                "Two nodes " + unique + " #%")).as("one attempt each").isEqualTo(messages);
        List<String> arrived = new ArrayList<>();
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                if (recipients.contains(address.toString())) {
                    arrived.add(address.toString());
                }
            }
        }
        assertThat(arrived).as("each message reached the SMTP server once").hasSize(messages)
                .containsExactlyInAnyOrderElementsOf(recipients);
        assertLockTaken("email-outbox-dispatch", lockBefore);
    }

    @Test
    void neither_node_runs_a_job_while_its_lock_is_held_elsewhere() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subjects.add("Held lock " + unique + " #" + i);
            jdbc().update("insert into email_outbox (recipient, subject, body, status, attempts, created_at, "
                    + "next_attempt_at) values (?, ?, 'After the lock.', 'QUEUED', 0, ?, ?)",
                    "nodes-held-" + unique + "-" + i + "@example.com", subjects.getLast(),
                    Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now().minusSeconds(60)));
        }
        String sent = "select count(*) from email_outbox where subject like ? and status = 'SENT'";
        // As a third node would hold it while it dispatches.
        SimpleLock held = holdLock("email-outbox-dispatch");
        try {
            onBothAtOnce("io.borrowerportal.notification.EmailOutboxJob", "dispatch", () -> true);
            assertThat(count(sent, "Held lock " + unique + " #%")).as("skipped on both nodes").isZero();
        } finally {
            held.unlock();
        }

        onBothAtOnce("io.borrowerportal.notification.EmailOutboxJob", "dispatch",
                () -> count(sent, "Held lock " + unique + " #%") == 3);

        assertThat(count(sent, "Held lock " + unique + " #%")).as("sent once the lock is free").isEqualTo(3);
    }

    // --- settings and payments -----------------------------------------------------------------------------------

    @Test
    void a_settings_change_saved_on_one_node_is_in_force_on_the_other_within_the_guarantee() {
        SettingsService onA = a.bean(SettingsService.class);
        SettingsService onB = b.bean(SettingsService.class);
        WebsiteSettings was = onA.current();
        LocalTime cutoff = was.cutoffTime().equals(LocalTime.of(16, 0)) ? LocalTime.of(15, 0) : LocalTime.of(16, 0);
        assertThat(onB.current().cutoffTime()).isEqualTo(was.cutoffTime());

        asAdmin(a, () -> onA.update(was.withCutoffTime(cutoff)));
        try {
            Duration took = within(SETTINGS_GUARANTEE, () -> cutoff.equals(onB.current().cutoffTime()));
            System.out.println("[two-nodes] node b saw the new cut-off after " + took.toMillis() + " ms");
            assertThat(onA.current().cutoffTime()).as("at once on the node that saved it").isEqualTo(cutoff);
        } finally {
            asAdmin(a, () -> onA.update(was));
        }
        within(SETTINGS_GUARANTEE, () -> was.cutoffTime().equals(onB.current().cutoffTime()));
    }

    @Test
    void a_card_payment_made_on_one_node_is_on_the_other_nodes_summary() {
        Borrower borrower = borrower(a, "nodes-card");
        // Node b reads the loan first, so anything it kept from that read would show the old figures.
        LoanFigures before = as(b, borrower.email(), () -> b.bean(AccountService.class)
                .detail(borrower.loanNumber()).figures());

        PaymentSummary paid = as(a, borrower.email(), () -> {
            long card = a.bean(PaymentProfileService.class).addCard(PaymentFixtures.card("4242424242424242")).id();
            return a.bean(PaymentService.class).submit(PaymentFixtures.custom(borrower.loanNumber(), "50.00", card));
        });
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);

        LoanFigures after = as(b, borrower.email(), () -> b.bean(AccountService.class)
                .detail(borrower.loanNumber()).figures());
        assertThat(after.payoffAmount()).isEqualByComparingTo(before.payoffAmount().subtract(new BigDecimal("50.00")));
        assertThat(after.principalBalance()).isEqualByComparingTo(before.principalBalance().subtract(paid.principal()));
        assertThat(after.lastPaymentDate()).isEqualTo(paid.applyDate());
        assertThat(as(b, borrower.email(), () -> b.bean(PaymentService.class).payments(borrower.loanNumber())))
                .extracting(PaymentSummary::confirmationNumber).containsExactly(paid.confirmationNumber());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /**
     * Calls the job method on both nodes' beans at the same moment, from two threads released by one barrier.
     * Through the bean (the AOP proxy), so the {@code @SchedulerLock} of the method applies as the scheduler's call.
     * <p>
     * The nodes' own schedulers run the same jobs. If one of them held the lock at that moment, both calls were
     * skipped, and that run may have started before the test made its rows: then both nodes are called again, at
     * most three rounds in all, until {@code done}. The tests' assertions count the work afterwards, so another round
     * can never hide work done twice.
     */
    private void onBothAtOnce(String jobClass, String method, BooleanSupplier done) {
        Method job = jobMethod(jobClass, method);
        for (int round = 1; ; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> runs = Stream.of(a, b).<Future<?>>map(node -> threads.submit(() -> {
                Object bean = node.context().getBean(job.getDeclaringClass());
                together.await(10, TimeUnit.SECONDS);
                try {
                    job.invoke(bean);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(node.name() + ": " + jobClass + "." + method, e.getCause());
                }
                return null;
            })).toList();
            for (Future<?> run : runs) {
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("a job call failed", e);
                }
            }
            if (done.getAsBoolean() || round == 3) {
                if (round > 1) {
                    System.out.printf("[two-nodes] %s.%s needed %d rounds: a scheduled run held the lock%n",
                            job.getDeclaringClass().getSimpleName(), method, round);
                }
                return;
            }
            pause(Duration.ofSeconds(1));
        }
    }

    /** Takes the job's lock as a third node would, waiting out a scheduled run of the two nodes that holds it. */
    private SimpleLock holdLock(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var held = JobLocks.tryLock(a.bean(DataSource.class), name, Duration.ofMinutes(1), Clock.systemUTC());
            if (held.isPresent()) {
                return held.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lock " + name + " stayed taken for 30 s");
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Method jobMethod(String jobClass, String name) {
        try {
            Method method = Class.forName(jobClass).getDeclaredMethod(name);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bank payments of new borrowers, each due to go to the bank today: pending and not in a file yet. */
    private List<String> bankPaymentsDueToday(String tag) {
        List<String> confirmations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Borrower borrower = borrower(a, tag + "-" + i);
            PaymentSummary paid = as(a, borrower.email(), () -> {
                long bank = a.bean(PaymentProfileService.class).addBank(PaymentFixtures.bank()).id();
                return a.bean(PaymentService.class).submit(PaymentFixtures.custom(borrower.loanNumber(), "42.00", bank));
            });
            assertThat(paid.status()).isEqualTo(PaymentStatus.PENDING);
            jdbc().update("update payments set process_date = ? where confirmation_number = ?", TODAY,
                    paid.confirmationNumber());
            confirmations.add(paid.confirmationNumber());
        }
        return confirmations;
    }

    private static long occurrences(String text, String part) {
        long found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }

    /** When the job's ShedLock lock was last taken, or null before its first run. */
    private Timestamp lockedAt(String lock) {
        return jdbc().queryForList("select locked_at from shedlock where name = ?", Timestamp.class, lock).stream()
                .findFirst().orElse(null);
    }

    /** The job's ShedLock row was written since {@code before}: the calls went through the lock. */
    private void assertLockTaken(String lock, Timestamp before) {
        Timestamp after = lockedAt(lock);
        assertThat(after).as("shedlock row of " + lock).isNotNull().isNotEqualTo(before);
    }

    private long lastEmailId() {
        Long id = jdbc().queryForObject("select coalesce(max(id), 0) from email_outbox", Long.class);
        return id == null ? 0 : id;
    }

    private Borrower borrower(Node node, String tag) {
        return PaymentFixtures.borrower(node.bean(CustomerService.class), node.bean(LoanServicing.class), tag);
    }

    private <T> T as(Node node, String email, Supplier<T> work) {
        SecurityContext own = SecurityContextHolder.getContext();
        SignIn.as(node.bean(UserDetailsService.class), email);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }

    private <T> T asAdmin(Node node, Supplier<T> work) {
        return as(node, ADMIN, work);
    }

    private JdbcTemplate jdbc() {
        return a.bean(JdbcTemplate.class);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /**
     * The test's sign-in holder: each node's services read the holder their own context installed, so a sign-in
     * or a {@link SystemTask} on a test thread is written to both, and the thread acts on either node.
     */
    private record BothNodes(SecurityContextHolderStrategy first, SecurityContextHolderStrategy second)
            implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {
            first.clearContext();
            second.clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return first.getContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            first.setContext(context);
            second.setContext(context);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return first.createEmptyContext();
        }
    }
}

package io.borrowerportal.payment;

import io.borrowerportal.TestDatabase;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real process killed between the export's commit and the rename that delivers the file, then the portal
 * started again: it delivers the very same file at start-up, and nothing settles before. The processes share
 * this test's MariaDB database and outbox folder (an in-memory H2 database cannot be shared between processes).
 */
class AchDeliveryCrashTest extends AchServiceTest {

    private static final long START_TIMEOUT_SECONDS = 240;

    @Autowired
    AchOutbox outbox;
    @Autowired
    AchFileRepository files;
    @Autowired
    Environment environment;
    @Autowired
    Clock clock;

    @Test
    void a_process_killed_between_commit_and_rename_delivers_the_same_file_when_started_again() throws Exception {
        assumeTrue("mariadb".equals(TestDatabase.mode()), "the processes share a MariaDB database");
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-killed");
        PaymentSummary paid = bankPayment(b, bankProfile(b), "57.00");

        assertThat(portal("export")).as("killed at the rename").isEqualTo(AchCrashChild.KILLED_AT_RENAME);

        Payment sent = stored(paid.confirmationNumber());
        assertThat(sent.achFileId()).as("marked sent, committed").isNotNull();
        AchFile file = files.findById(sent.achFileId()).orElseThrow();
        assertThat(file.state()).isEqualTo(AchFileState.DELIVERING);
        assertThat(outbox.delivered(file.fileName())).doesNotExist();
        jdbc.update("update payments set settles_on = ? where id = ?", TODAY.minusDays(1), sent.id());
        SystemTask.call(processing::settleDue);
        assertThat(stored(paid.confirmationNumber()).status()).as("no bank was given the debit")
                .isEqualTo(PaymentStatus.PENDING);

        assertThat(portal("start")).as("started and stopped").isZero();

        assertThat(files.findById(file.id()).orElseThrow().state()).isEqualTo(AchFileState.DELIVERED);
        Path delivered = outbox.delivered(file.fileName());
        assertThat(AchOutbox.sha256(Files.readAllBytes(delivered))).as("the same file, byte for byte")
                .isEqualTo(file.sha256());
        assertThat(outbox.part(file.fileName())).doesNotExist();
        SystemTask.call(processing::settleDue);
        assertThat(stored(paid.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    /** Runs the portal in a new JVM on this test's database, folder and business date; its exit code. */
    private int portal(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AchCrashChild.class.getName(), mode,
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--portal.payments.bank-key=" + environment.getRequiredProperty("portal.payments.bank-key"),
                // The same audit key as this context: the child's audit rows join the chain this test database
                // verifies (decision 020).
                "--portal.audit.hmac-key=" + environment.getRequiredProperty("portal.audit.hmac-key"),
                "--portal.payments.form-key=" + environment.getRequiredProperty("portal.payments.form-key"),
                "--portal.ach.outbox-dir=" + outbox.folder(),
                "--portal.today=" + LocalDate.now(clock),
                "--portal.demo-data=false",
                "--portal.jobs.enabled=false",
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.file.name=target/test-logs/ach-crash-" + mode + ".log"));
        Path output = Path.of("target", "test-logs", "ach-crash-" + mode + ".out");
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The portal (" + mode + ") did not finish in " + START_TIMEOUT_SECONDS
                    + " s; see " + output.toAbsolutePath());
        }
        return process.exitValue();
    }
}

package io.borrowerportal.payment;

import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ACH files are delivered exactly once (decision 010): a rename that fails settles nothing and the next run
 * delivers the very same bytes; a lost part file is rewritten byte for byte; a file that may have reached the
 * bank is never written twice; files are owner-only and deleted after the retention period.
 * {@link AchDeliveryCrashTest} kills a real process between the commit and the rename.
 */
class AchDeliveryTest extends AchServiceTest {

    @Autowired
    AchOutbox outbox;
    @Autowired
    AchDelivery delivery;
    @Autowired
    AchFileRepository files;
    @Autowired
    Clock clock;

    @AfterEach
    void renameForReal() {
        outbox.moveWith(null);
    }

    private AchFile fileOf(Payment payment) {
        return files.findById(stored(payment.confirmationNumber()).achFileId()).orElseThrow();
    }

    /** An exported payment of a new borrower, whose settlement date has passed. */
    private Payment dueToSettle(String tag) {
        Borrower b = PaymentFixtures.borrower(customers, servicing, tag);
        PaymentSummary paid = bankPayment(b, bankProfile(b), "42.00");
        SystemTask.call(export::exportPending);
        Payment payment = stored(paid.confirmationNumber());
        assertThat(payment.achFileId()).as("in a file").isNotNull();
        // The test clock cannot move two business days: the settlement date comes to it instead.
        jdbc.update("update payments set settles_on = ? where id = ?", TODAY.minusDays(1), payment.id());
        return payment;
    }

    private String sha256(Path file) throws IOException {
        return AchOutbox.sha256(Files.readAllBytes(file));
    }

    @Test
    void a_failed_rename_settles_nothing_and_the_next_run_delivers_the_same_file() throws IOException {
        outbox.moveWith((from, to) -> {
            throw new IOException("simulated: the outbox refused the rename");
        });
        Payment payment = dueToSettle("ach-rename-fails");
        AchFile file = fileOf(payment);
        Path delivered = outbox.delivered(file.fileName());

        assertThat(file.state()).isEqualTo(AchFileState.DELIVERING);
        assertThat(delivered).doesNotExist();
        assertThat(sha256(outbox.part(file.fileName()))).isEqualTo(file.sha256());
        SystemTask.call(processing::settleDue);
        assertThat(stored(payment.confirmationNumber()).status()).as("no bank was given the debit")
                .isEqualTo(PaymentStatus.PENDING);

        outbox.moveWith(null);
        SystemTask.call(export::exportPending);

        assertThat(fileOf(payment).state()).isEqualTo(AchFileState.DELIVERED);
        assertThat(delivered).exists();
        assertThat(sha256(delivered)).as("the same file, byte for byte").isEqualTo(file.sha256());
        assertThat(outbox.part(file.fileName())).doesNotExist();
        SystemTask.call(processing::settleDue);
        assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_lost_part_file_of_a_file_never_delivered_is_rewritten_byte_for_byte() throws IOException {
        outbox.moveWith((from, to) -> {
            throw new IOException("simulated: the process stops before the rename");
        });
        Payment payment = dueToSettle("ach-part-lost");
        AchFile file = fileOf(payment);
        // As if the process had stopped right after the export's commit, and the part file had been lost with the disk.
        jdbc.update("update ach_files set state = 'WRITTEN' where id = ?", file.id());
        Files.delete(outbox.part(file.fileName()));
        outbox.moveWith(null);

        assertThat(delivery.deliverUndelivered()).isPositive();

        Path delivered = outbox.delivered(file.fileName());
        assertThat(fileOf(payment).state()).isEqualTo(AchFileState.DELIVERED);
        assertThat(sha256(delivered)).isEqualTo(file.sha256());
        assertThat(Files.readString(delivered, StandardCharsets.US_ASCII)).contains(payment.confirmationNumber())
                .contains(stored(payment.confirmationNumber()).traceNumber());
    }

    @Test
    void a_file_that_may_have_reached_the_bank_is_never_written_twice() throws IOException {
        // The rename happens, the bank's transmitter takes the file at once, and the process dies before it can
        // record the delivery.
        outbox.moveWith((from, to) -> {
            Files.move(from, to);
            Files.delete(to);
            throw new IOException("simulated: the process dies after the rename");
        });
        Payment payment = dueToSettle("ach-maybe-sent");
        AchFile file = fileOf(payment);
        outbox.moveWith(null);
        try {
            delivery.deliverUndelivered();
            SystemTask.call(processing::settleDue);

            assertThat(fileOf(payment).state()).isEqualTo(AchFileState.DELIVERING);
            assertThat(outbox.delivered(file.fileName())).as("not written again on a guess").doesNotExist();
            assertThat(outbox.part(file.fileName())).doesNotExist();
            assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.PENDING);
        } finally {
            // What staff record once the bank confirms it has the file, so later tests' runs do not look at it again.
            jdbc.update("update ach_files set state = 'DELIVERED', delivered_at = ? where id = ?",
                    Timestamp.from(clock.instant()), file.id());
        }
    }

    @Test
    void nacha_files_are_readable_and_writable_by_their_owner_only() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        outbox.moveWith((from, to) -> {
            throw new IOException("simulated: the rename waits");
        });
        Payment payment = dueToSettle("ach-owner-only");
        AchFile file = fileOf(payment);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox.part(file.fileName()))))
                .isEqualTo("rw-------");

        outbox.moveWith(null);
        delivery.deliverUndelivered();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox.delivered(file.fileName()))))
                .isEqualTo("rw-------");
    }

    @Test
    void delivered_files_past_the_retention_are_deleted_from_disk_and_the_others_kept() throws IOException {
        Payment old = dueToSettle("ach-retention-old");
        Payment recent = dueToSettle("ach-retention-new");
        AchFile oldFile = fileOf(old);
        AchFile recentFile = fileOf(recent);
        assertThat(oldFile.id()).isNotEqualTo(recentFile.id());
        Instant pastRetention = clock.instant().minus(properties.retention()).minus(Duration.ofDays(1));
        jdbc.update("update ach_files set delivered_at = ? where id = ?", Timestamp.from(pastRetention), oldFile.id());
        // An export that never committed left its part file behind an hour and more ago.
        Path abandoned = outbox.part("ACH-20261209-Z.txt");
        outbox.writePart("ACH-20261209-Z.txt", "1 abandoned".getBytes(StandardCharsets.US_ASCII));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(AchDelivery.ABANDONED_PART_AGE).minusSeconds(60)));

        assertThat(delivery.purgeDelivered()).isPositive();

        assertThat(outbox.delivered(oldFile.fileName())).doesNotExist();
        assertThat(fileOf(old).state()).isEqualTo(AchFileState.PURGED);
        assertThat(outbox.delivered(recentFile.fileName())).exists();
        assertThat(fileOf(recent).state()).isEqualTo(AchFileState.DELIVERED);
        assertThat(abandoned).doesNotExist();
        // Purged from disk, still delivered: its debits settle.
        SystemTask.call(processing::settleDue);
        assertThat(stored(old.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
    }
}

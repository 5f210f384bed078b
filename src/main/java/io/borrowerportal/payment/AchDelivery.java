package io.borrowerportal.payment;

import io.borrowerportal.common.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes each written NACHA file to the outbox exactly once (decision 010). A file is WRITTEN when its payments
 * are marked sent, with its part file on disk; DELIVERING is committed before the rename; DELIVERED after it.
 * Whatever stopped a delivery (a failed rename, a crash, a restart), the next export run and every start-up
 * finish it: from the part file when it is there, else from a rewrite whose SHA-256 must equal the stored one.
 * A file that was DELIVERING and is neither in the outbox nor beside it as a part file may have reached the
 * bank's transmitter already: it is never written a second time on a guess, and a person is asked to look.
 * Each step holds the file's row lock, so two deliverers (the job and a start-up, or two nodes) take turns.
 */
@Component
class AchDelivery {

    private static final Logger log = LoggerFactory.getLogger(AchDelivery.class);

    /** A part file no file row needs, this old, is from an export that never committed. */
    static final Duration ABANDONED_PART_AGE = Duration.ofHours(1);

    private final AchFileRepository files;
    private final PaymentRepository payments;
    private final AchFileContent content;
    private final AchOutbox outbox;
    private final AchProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** File ages on disk are the machine's time, not the business clock (which {@code portal.today} may shift). */
    private final Clock fileClock = Clock.systemUTC();

    AchDelivery(AchFileRepository files, PaymentRepository payments, AchFileContent content, AchOutbox outbox,
                AchProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.files = files;
        this.payments = payments;
        this.content = content;
        this.outbox = outbox;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        // Its own short transactions, whoever calls: the rename must follow a committed DELIVERING.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /**
     * At start-up, before the first job: whatever a crash or a failed rename left undelivered is delivered,
     * and files past their retention are deleted. Failures are logged and left for the next export run.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartup() {
        try {
            int delivered = deliverUndelivered();
            if (delivered > 0) {
                log.warn("{} ACH file(s) left undelivered by an earlier run were delivered at start-up", delivered);
            }
            purgeDelivered();
        } catch (RuntimeException e) {
            log.error("ACH files could not be checked at start-up; the next export run tries again", e);
        }
    }

    /** Delivers every file not delivered yet, oldest first. @return how many were delivered now */
    int deliverUndelivered() {
        int delivered = 0;
        for (long id : files.idsIn(EnumSet.of(AchFileState.WRITTEN, AchFileState.DELIVERING))) {
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Delivers one file, or leaves it for the next attempt with the reason in the log. Never throws: the
     * database already holds the file, so a failure here only delays it.
     *
     * @return whether the file is delivered now (by this call or an earlier one)
     */
    boolean deliver(long fileId) {
        try {
            Prepared prepared = tx.execute(status -> prepare(fileId));
            if (prepared == null || prepared.state().delivered()) {
                return prepared != null;
            }
            return Boolean.TRUE.equals(tx.execute(status -> publish(fileId, prepared.partChecked())));
        } catch (RuntimeException e) {
            log.error("ACH file id {} could not be delivered to {}; the next export run tries again: {}", fileId,
                    outbox.folder(), e.toString());
            return false;
        }
    }

    /**
     * Where {@link #prepare} left a file. {@code partChecked}: its part file was just found (or written) with the
     * stored hash, and only this delivery writes part files of a DELIVERING file, so it need not be read again.
     */
    private record Prepared(AchFileState state, boolean partChecked) {
    }

    /**
     * WRITTEN → DELIVERING, with the part file there and right (rewritten from the payments when it is missing
     * or wrong). @return the state it is in after, or null when it cannot go on (logged)
     */
    private Prepared prepare(long fileId) {
        AchFile file = files.lock(fileId).orElseThrow();
        if (file.state() != AchFileState.WRITTEN) {
            return new Prepared(file.state(), false);
        }
        String name = file.fileName();
        String delivered = sha256(outbox.delivered(name));
        if (delivered != null && !delivered.equals(file.sha256())) {
            log.error("ACH file {} is not delivered: another file of that name, with other content, is in {}. "
                    + "Move it away once you know what it is; the file is delivered on the next run.", name, outbox.folder());
            return null;
        }
        if (delivered == null && !file.sha256().equals(sha256(outbox.part(name))) && !rewritePart(file)) {
            return null;
        }
        file.startDelivery();
        return new Prepared(file.state(), delivered == null);
    }

    /** DELIVERING → DELIVERED: the rename, under the row lock. @return whether it is delivered */
    private boolean publish(long fileId, boolean partChecked) {
        AchFile file = files.lock(fileId).orElseThrow();
        if (file.state() != AchFileState.DELIVERING) {
            return file.state().delivered();
        }
        String name = file.fileName();
        String delivered = sha256(outbox.delivered(name));
        if (delivered != null && !delivered.equals(file.sha256())) {
            log.error("ACH file {} is not delivered: another file of that name, with other content, is in {}. "
                    + "Move it away once you know what it is; the file is delivered on the next run.", name, outbox.folder());
            return false;
        }
        if (delivered == null) {
            String part = partChecked && Files.isRegularFile(outbox.part(name)) ? file.sha256() : sha256(outbox.part(name));
            if (part == null) {
                // The rename may have happened and the transmitter taken the file before DELIVERED committed.
                log.error("ACH file {} (SHA-256 {}) may have reached the bank: it was being delivered and is no longer "
                        + "in {}, nor its part file. It is not written again and its payments do not settle. Ask the "
                        + "bank whether it received the file; see docs/decisions/010-ach-delivery.md.",
                        name, file.sha256(), outbox.folder());
                return false;
            }
            // A part file still there was never renamed: the transmitter cannot have seen this file yet.
            if (!part.equals(file.sha256()) && !rewritePart(file)) {
                return false;
            }
            try {
                outbox.publish(name);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not rename " + name + AchOutbox.PART + " to " + name, e);
            }
        }
        file.delivered(clock.instant());
        postponeSettlementIfLate(file);
        log.info("ACH file {} delivered to {}: {} debits, SHA-256 {}", name, outbox.folder(), file.entryCount(),
                file.sha256());
        return true;
    }

    /** Rewrites the part file from the file's payments; only bytes with the stored hash are written. */
    private boolean rewritePart(AchFile file) {
        AchFileContent.Written again;
        try {
            again = content.rewrite(file);
        } catch (RuntimeException e) {
            log.error("ACH file {} is not delivered: its part file is missing and it cannot be rewritten from its "
                    + "payments ({})", file.fileName(), e.getMessage());
            return false;
        }
        String sha = AchOutbox.sha256(again.bytes());
        if (!sha.equals(file.sha256())) {
            log.error("ACH file {} is not delivered: its part file is missing, and rewritten from its payments it is "
                    + "not the file that was written (SHA-256 {} instead of {}; a holder name or the lender's bank "
                    + "settings changed since). See docs/decisions/010-ach-delivery.md.", file.fileName(), sha, file.sha256());
            return false;
        }
        try {
            outbox.writePart(file.fileName(), again.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file.fileName() + AchOutbox.PART, e);
        }
        log.warn("ACH file {} rewritten from its payments, byte for byte (SHA-256 {})", file.fileName(), sha);
        return true;
    }

    /**
     * A file delivered on a later business day than it was written reaches the bank that much later: its debits
     * settle as many business days after the delivery as they would have after the export.
     */
    private void postponeSettlementIfLate(AchFile file) {
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(file.businessDate())) {
            LocalDate settles = AchExport.settlementDate(BusinessCalendar.next(today));
            int moved = payments.postponeSettlement(file.id(), settles);
            log.warn("ACH file {} was delivered {} after it was written: {} debits now settle on {}", file.fileName(),
                    today, moved, settles);
        }
    }

    /**
     * Deletes delivered files older than the retention period ({@code portal.ach.retention}) from the outbox
     * (they hold full account numbers; the database keeps what was in them and their hash), and part files that
     * belong to no file being delivered and are older than {@link #ABANDONED_PART_AGE}.
     *
     * @return how many delivered files were purged
     */
    int purgeDelivered() {
        int purged = 0;
        Instant before = clock.instant().minus(properties.retention());
        for (long id : files.deliveredBefore(AchFileState.DELIVERED, before)) {
            Boolean done = tx.execute(status -> {
                AchFile file = files.lock(id).orElseThrow();
                if (file.state() != AchFileState.DELIVERED) {
                    return false;
                }
                Path path = outbox.delivered(file.fileName());
                String sha = sha256(path);
                try {
                    // Only our own file: another one of that name is not ours to delete.
                    if (sha != null && sha.equals(file.sha256())) {
                        outbox.delete(path);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete " + file.fileName(), e);
                }
                file.purged(clock.instant());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("{} delivered ACH file(s) older than {} deleted from {}", purged, properties.retention(), outbox.folder());
        }
        purgeAbandonedParts();
        return purged;
    }

    private void purgeAbandonedParts() {
        Set<String> needed = new HashSet<>();
        files.namesIn(EnumSet.of(AchFileState.WRITTEN, AchFileState.DELIVERING))
                .forEach(name -> needed.add(outbox.part(name).getFileName().toString()));
        try {
            List<Path> old = outbox.partsOlderThan(fileClock.instant().minus(ABANDONED_PART_AGE));
            for (Path part : old) {
                if (!needed.contains(part.getFileName().toString())) {
                    outbox.delete(part);
                    log.info("Deleted {}: an ACH part file no file being delivered needs", part.getFileName());
                }
            }
        } catch (IOException e) {
            log.error("Abandoned ACH part files in {} could not be deleted: {}", outbox.folder(), e.toString());
        }
    }

    private String sha256(Path file) {
        try {
            return outbox.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName(), e);
        }
    }
}

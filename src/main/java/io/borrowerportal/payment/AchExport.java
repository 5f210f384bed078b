package io.borrowerportal.payment;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.BusinessCalendar;
import io.borrowerportal.common.Dates;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The day's NACHA file: every pending bank debit due by today that is in no file yet goes into a new file,
 * which {@link AchDelivery} then takes to the outbox (decision 010). Also the list of recent files.
 */
@Service
@EnableConfigurationProperties(AchProperties.class)
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class AchExport {

    private static final Logger log = LoggerFactory.getLogger(AchExport.class);

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String MODIFIERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Bank debits are final when no return came within this many business days of the file's effective date. */
    static final int SETTLEMENT_BUSINESS_DAYS = 2;
    /** Payments marked sent per SQL statement. */
    private static final int SQL_CHUNK = 250;

    private final AchFileRepository files;
    private final AchFileContent content;
    private final AchOutbox outbox;
    private final AchDelivery delivery;
    private final AchProperties properties;
    private final PaymentLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PaymentMetrics metrics;

    AchExport(AchFileRepository files, AchFileContent content, AchOutbox outbox, AchDelivery delivery,
              AchProperties properties, PaymentLifecycle lifecycle, JdbcTemplate jdbc, AuditService audit,
              CurrentUser currentUser, PlatformTransactionManager transactions, Clock clock, PaymentMetrics metrics) {
        this.files = files;
        this.content = content;
        this.outbox = outbox;
        this.delivery = delivery;
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.metrics = metrics;
    }

    /** When a debit with this effective date settles, unless the bank returns it. */
    static LocalDate settlementDate(LocalDate effective) {
        return BusinessCalendar.plusBusinessDays(effective, SETTLEMENT_BUSINESS_DAYS);
    }

    /**
     * Delivers what an earlier run left undelivered, then writes every pending bank debit due by today that is in
     * no file yet to a new NACHA file, marks them sent with their trace numbers and settlement date, and delivers
     * the file. Nothing to send → empty. The file is written only if the database work commits; two exports at
     * once cannot both take the same payments. A file that could not be delivered says so in its state and is
     * delivered by the next run or the next start; its debits do not settle until then.
     *
     * @throws PaymentRefusedException when no file could be written (the message says why, for staff)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<AchFileSummary> exportPending() {
        delivery.deliverUndelivered();
        voidDebitsToClosedAccounts();
        Optional<Long> written = write(LocalDate.now(clock), actor());
        written.ifPresent(delivery::deliver);
        return written.map(id -> files.findById(id).orElseThrow().toSummary());
    }

    @Transactional(readOnly = true)
    public List<AchFileSummary> recentFiles() {
        return files.findTop20ByOrderByIdDesc().stream().map(AchFile::toSummary).toList();
    }

    /** Debits to accounts the bank has closed for us since are not sent: they are reversed and declined. */
    private void voidDebitsToClosedAccounts() {
        jdbc.queryForList("""
                        select p.id from payments p join payment_profiles f on f.id = p.profile_id
                        where p.channel = 'BANK' and p.status = 'PENDING' and p.ach_file_id is null
                          and f.status <> 'ACTIVE'""", Long.class)
                .forEach(lifecycle::voidUnsentDebit);
    }

    /**
     * In one transaction: the file's row (WRITTEN, with the SHA-256 of its bytes), every payment in it marked
     * sent, and the part file on disk, forced to it before the commit. A rollback deletes the part file.
     */
    private Optional<Long> write(LocalDate today, String actor) {
        String[] name = new String[1];
        long started = System.nanoTime();
        long[] entriesAndBytes = new long[2];
        try {
            Optional<Long> fileId = tx.execute(status -> {
                AchFileContent.Debits due = content.debits(content.due(today), false);
                if (due.entries().isEmpty()) {
                    return Optional.<Long>empty();
                }
                long sameDay = files.countByBusinessDate(today);
                if (sameDay >= MODIFIERS.length()) {
                    throw new PaymentRefusedException("export", "The bank accepts at most " + MODIFIERS.length()
                            + " files a day, and " + sameDay + " were written today. Export again on the next business day.");
                }
                char modifier = MODIFIERS.charAt((int) sameDay);
                LocalDate effective = BusinessCalendar.next(today);
                // Whole seconds, as the database keeps it: a rewrite prints the same header time.
                Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                AchFileContent.Written written = content.write(due.debits(), effective, createdAt, modifier,
                        content.nextTraceSequence());
                name[0] = properties.fileName().replace("{date}", FILE_DATE.format(today))
                        .replace("{modifier}", String.valueOf(modifier));
                AchFile file = files.saveAndFlush(new AchFile(name[0], today, effective, modifier,
                        written.result().entryCount(), written.result().totalDebit(), written.result().entryHash(),
                        AchOutbox.sha256(written.bytes()), actor, createdAt));

                LocalDate settles = settlementDate(effective);
                Timestamp now = Timestamp.from(clock.instant());
                String note = "Sent to the bank in file " + name[0] + "; settles on " + Dates.day(settles)
                        + " unless the bank returns it.";
                List<AchFileContent.Entry> entries = due.entries();
                List<String> traces = written.result().traceNumbers();
                for (int from = 0; from < entries.size(); from += SQL_CHUNK) {
                    int to = Math.min(entries.size(), from + SQL_CHUNK);
                    markSent(entries.subList(from, to), traces.subList(from, to), file.id(), settles, now);
                    recordSent(entries.subList(from, to), now, note, actor);
                }
                try {
                    outbox.writePart(name[0], written.bytes());
                } catch (IOException e) {
                    log.error("ACH file {} could not be written to {}", name[0], outbox.folder(), e);
                    throw new PaymentRefusedException("export", "The bank file could not be written to the outbox "
                            + "folder; nothing was marked sent. The details are in the server log.");
                }
                recordWithin(actor, AuditAction.ACH_FILE_WRITTEN, name[0] + ": " + written.result().entryCount()
                        + " debits, total " + written.result().totalDebit().toPlainString());
                entriesAndBytes[0] = written.result().entryCount();
                entriesAndBytes[1] = written.bytes().length;
                return Optional.of(file.id());
            });
            if (fileId.isPresent()) {
                metrics.exported((int) entriesAndBytes[0], entriesAndBytes[1], Duration.ofNanos(System.nanoTime() - started));
            }
            return fileId;
        } catch (RuntimeException e) {
            if (name[0] != null) {
                deletePartQuietly(name[0]);
            }
            throw e;
        }
    }

    /**
     * Marks a chunk of payments sent, one statement for the chunk. This is {@link Payment}'s one transition done
     * in SQL instead of on the entity: loading, changing and writing 100,000 payments with a timeline row each
     * took 22 s where these statements take 4 s (decision 010). It checks what the entity would: only payments
     * still pending and in no file are touched; if another export took one meanwhile, the count is short and the
     * whole export rolls back.
     */
    private void markSent(List<AchFileContent.Entry> chunk, List<String> traces, long fileId, LocalDate settles,
                          Timestamp now) {
        StringBuilder sql = new StringBuilder(
                "update payments set ach_file_id = ?, settles_on = ?, updated_at = ?, version = version + 1, trace_number = case id");
        List<Object> args = new ArrayList<>(3 + chunk.size() * 3);
        args.add(fileId);
        args.add(Date.valueOf(settles));
        args.add(now);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(" when ? then ?");
            args.add(chunk.get(i).id());
            args.add(traces.get(i));
        }
        sql.append(" end where ach_file_id is null and status = 'PENDING' and id in (");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args.add(chunk.get(i).id());
        }
        sql.append(')');
        if (jdbc.update(sql.toString(), args.toArray()) != chunk.size()) {
            throw new PaymentRefusedException("export", "A payment changed while the bank file was written, so "
                    + "nothing was sent. Export again.");
        }
    }

    /** The timeline step of each payment marked sent, one statement for the chunk. */
    private void recordSent(List<AchFileContent.Entry> chunk, Timestamp now, String note, String actor) {
        StringBuilder sql = new StringBuilder("insert into payment_events (payment_id, occurred_at, status, note, actor) values ");
        List<Object> args = new ArrayList<>(chunk.size() * 4);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "(?, ?, 'PENDING', ?, ?)" : ", (?, ?, 'PENDING', ?, ?)");
            args.add(chunk.get(i).id());
            args.add(now);
            args.add(note);
            args.add(actor);
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    private void deletePartQuietly(String name) {
        try {
            outbox.delete(outbox.part(name));
        } catch (IOException e) {
            log.error("The part file of ACH file {} could not be deleted after a rollback; it is deleted at the next start", name);
        }
    }

    private String actor() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }

    private void recordWithin(String actor, AuditAction action, String detail) {
        String role = currentUser.actor().map(PortalUser::role).orElse(Role.SYSTEM);
        audit.recordWithin(actor, role, null, null, null, action, detail);
    }
}

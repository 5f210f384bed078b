package io.borrowerportal.payment;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.BusinessCalendar;
import io.borrowerportal.payment.ach.AccountType;
import io.borrowerportal.payment.ach.AchDebit;
import io.borrowerportal.payment.ach.AchReturn;
import io.borrowerportal.payment.ach.NachaFormatException;
import io.borrowerportal.payment.ach.NachaResult;
import io.borrowerportal.payment.ach.NachaWriter;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.payment.ach.ReturnFiles;
import io.borrowerportal.paymentprofile.BankAccountCipher;
import io.borrowerportal.paymentprofile.BankAccountKind;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Payment operations for the lender's staff and the background jobs: the day's NACHA file, bank returns
 * (a file or one by hand), settlement, scheduled payments and card payments waiting on the processor.
 */
@Service
@EnableConfigurationProperties(AchProperties.class)
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class AchOperations {

    private static final Logger log = LoggerFactory.getLogger(AchOperations.class);

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String MODIFIERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Bank debits are final when no return came within this many business days of the file. */
    static final int SETTLEMENT_BUSINESS_DAYS = 2;
    /** A card payment whose charge has not answered for this long is asked about again. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(10);
    /** Payments marked sent per SQL statement. */
    private static final int SQL_CHUNK = 250;

    private final PaymentRepository payments;
    private final AchFileRepository files;
    private final PaymentLifecycle lifecycle;
    private final BankAccountCipher cipher;
    private final AchProperties properties;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    AchOperations(PaymentRepository payments, AchFileRepository files, PaymentLifecycle lifecycle,
                  BankAccountCipher cipher, AchProperties properties, JdbcTemplate jdbc, AuditService audit,
                  CurrentUser currentUser, Clock clock) {
        this.payments = payments;
        this.files = files;
        this.lifecycle = lifecycle;
        this.cipher = cipher;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    private record Pending(long id, String confirmation, BigDecimal total, long customerId, String routing,
                           String secret, BankAccountKind type, String holder, boolean recurring) {
    }

    /**
     * Writes every pending bank debit due by today that is in no file yet to a new NACHA file, and marks
     * them sent with their trace numbers and settlement date. Nothing to send → empty. The file appears
     * only if the database work commits; two exports at once cannot both take the same payments.
     */
    @Transactional
    public Optional<AchFileSummary> exportPending() {
        LocalDate today = LocalDate.now(clock);
        // Debits to accounts the bank has closed for us since are not sent again: they are reversed and declined.
        jdbc.queryForList("""
                        select p.id from payments p join payment_profiles f on f.id = p.profile_id
                        where p.channel = 'BANK' and p.status = 'PENDING' and p.ach_file_id is null
                          and f.status <> 'ACTIVE'""", Long.class)
                .forEach(lifecycle::voidUnsentDebit);
        List<Pending> candidates = jdbc.query("""
                        select p.id, p.confirmation_number, p.amount + p.convenience_fee as total, p.customer_id,
                               f.bank_routing_number, f.bank_account_secret, f.bank_account_type, f.holder_name,
                               p.standing_reference is not null as recurring
                        from payments p join payment_profiles f on f.id = p.profile_id
                        where p.channel = 'BANK' and p.status = 'PENDING' and p.ach_file_id is null
                          and p.process_date <= ? and f.status = 'ACTIVE'
                        order by p.id""",
                (rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), BankAccountKind.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getBoolean(9)),
                Date.valueOf(today));
        // Decrypting is most of the CPU work of a large file: in parallel, keeping the payments' order.
        List<AchDebit> decrypted = candidates.parallelStream().map(this::debit).toList();
        List<Pending> pending = new ArrayList<>(candidates.size());
        List<AchDebit> debits = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (decrypted.get(i) != null) {
                pending.add(candidates.get(i));
                debits.add(decrypted.get(i));
            }
        }
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        long sameDay = files.countByBusinessDate(today);
        if (sameDay >= MODIFIERS.length()) {
            throw new IllegalStateException("The bank accepts at most " + MODIFIERS.length() + " files a day");
        }
        char modifier = MODIFIERS.charAt((int) sameDay);
        LocalDate effective = BusinessCalendar.next(today);
        StringBuilder content = new StringBuilder(debits.size() * 95 + 1000);
        NachaResult result = NachaWriter.write(properties.origin(), effective, LocalDateTime.now(clock), modifier,
                debits, nextTraceSequence(properties.origin().odfiIdentification()), content);
        byte[] bytes = content.toString().getBytes(StandardCharsets.US_ASCII);
        String name = properties.fileName().replace("{date}", FILE_DATE.format(today))
                .replace("{modifier}", String.valueOf(modifier));
        String actor = actor();
        AchFile file = files.saveAndFlush(new AchFile(name, today, effective, modifier, result.entryCount(),
                result.totalDebit(), result.entryHash(), sha256(bytes), actor, clock.instant()));

        LocalDate settles = BusinessCalendar.plusBusinessDays(effective, SETTLEMENT_BUSINESS_DAYS);
        Timestamp now = Timestamp.from(clock.instant());
        String note = "Sent to the bank in file " + name + "; settles on "
                + DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).format(settles)
                + " unless the bank returns it.";
        for (int from = 0; from < pending.size(); from += SQL_CHUNK) {
            int to = Math.min(pending.size(), from + SQL_CHUNK);
            markSent(pending.subList(from, to), result.traceNumbers().subList(from, to), file.id(), settles, now);
            recordSent(pending.subList(from, to), now, note, actor);
        }
        write(name, bytes);
        recordWithin(actor, AuditAction.ACH_FILE_WRITTEN, name + ": " + result.entryCount() + " debits, total "
                + result.totalDebit().toPlainString());
        return Optional.of(file.toSummary());
    }

    /** The entry for one payment, or null (and a log line naming it) when it cannot be written. */
    private AchDebit debit(Pending p) {
        try {
            return new AchDebit(p.routing(), cipher.decrypt(p.secret(), String.valueOf(p.customerId())),
                    p.type() == BankAccountKind.SAVINGS ? AccountType.SAVINGS : AccountType.CHECKING, p.total(),
                    p.confirmation(), shortName(p.holder()), p.recurring());
        } catch (RuntimeException e) {
            // One unreadable entry must not hold back the whole day's file; it stays unsent and is named here.
            log.error("Bank payment {} left out of the ACH file: {}", p.confirmation(), e.getMessage());
            return null;
        }
    }

    /**
     * Marks a chunk of payments sent, one statement for the chunk (a round trip per payment made a 100,000
     * entry file take seconds). Only payments still pending and unsent are touched: if another export took
     * one meanwhile, the count is short and the whole export rolls back.
     */
    private void markSent(List<Pending> chunk, List<String> traces, long fileId, LocalDate settles, Timestamp now) {
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
            throw new IllegalStateException("A payment changed while the ACH file was written; export again");
        }
    }

    private void recordSent(List<Pending> chunk, Timestamp now, String note, String actor) {
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

    /**
     * Trace numbers continue from the last one sent: returns are matched by trace number, which is unique
     * across all payments, so a file must never reuse one of an earlier file (of the same day or any other).
     */
    private long nextTraceSequence(String odfi) {
        String last = jdbc.queryForObject("select max(trace_number) from payments where trace_number like ?",
                String.class, odfi + "%");
        return last == null ? 1 : Long.parseLong(last.substring(odfi.length())) + 1;
    }

    @Transactional(readOnly = true)
    public List<AchFileSummary> recentFiles() {
        return files.findTop20ByOrderByIdDesc().stream().map(AchFile::toSummary).toList();
    }

    /**
     * Applies a bank's returns file (NACHA or CSV of trace number and R-code). Each return is its own
     * transaction: one bad line never undoes the others, and a return seen twice is skipped.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReturnImportResult importReturns(String content) {
        List<AchReturn> returns;
        try {
            returns = ReturnFiles.parse(content == null ? "" : content);
        } catch (NachaFormatException e) {
            throw new PaymentRefusedException("file", "The returns file could not be read: " + e.getMessage());
        }
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (AchReturn ret : returns) {
            Optional<Payment> payment = payments.findByTraceNumber(ret.traceNumber());
            if (payment.isEmpty()) {
                skipped.add("Trace " + ret.traceNumber() + ": no payment was sent with this trace number.");
                continue;
            }
            try {
                apply(payment.get(), ret.code(), applied, skipped);
            } catch (RuntimeException e) {
                log.error("Return {} for payment {} could not be applied", ret.code(),
                        payment.get().confirmationNumber(), e);
                skipped.add(payment.get().confirmationNumber() + ": could not be applied (" + e.getMessage()
                        + "); try again or record it by hand.");
            }
        }
        record(actor(), AuditAction.ACH_RETURNS_IMPORTED, applied.size() + " returns applied, " + skipped.size() + " skipped");
        return new ReturnImportResult(applied, skipped);
    }

    /** A return the bank reported by phone or letter, by the payment's confirmation number. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReturnImportResult recordReturn(String confirmationNumber, String returnCode) {
        ReturnCode code = ReturnCode.parse(returnCode == null ? "" : returnCode.trim().toUpperCase())
                .orElseThrow(() -> new PaymentRefusedException("code", "Choose a return reason code (R01 to R33)."));
        Payment payment = payments.findByConfirmationNumber(confirmationNumber == null ? "" : confirmationNumber.trim().toUpperCase())
                .orElseThrow(() -> new PaymentRefusedException("confirmation", "No payment has confirmation number "
                        + confirmationNumber + ". Check the number on the receipt."));
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        apply(payment, code, applied, skipped);
        return new ReturnImportResult(applied, skipped);
    }

    /** Completes bank payments whose settlement date has come without a return. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int settleDue() {
        return each(payments.settlingIds(PaymentStatus.PENDING, LocalDate.now(clock)), lifecycle::settle, "settle");
    }

    /** Processes scheduled payments whose date has come. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int processScheduled() {
        return each(payments.dueIds(PaymentStatus.SCHEDULED, LocalDate.now(clock)), lifecycle::processScheduled,
                "process");
    }

    /**
     * Asks the processor about card payments whose charge ended without an answer more than a minute ago
     * (never one whose charge call is still running: those have no "waiting" reason yet), and about those
     * whose charge never answered at all for ten minutes, far longer than a charge call can take.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int reconcileProcessing() {
        return each(payments.waitingIds(PaymentStatus.PROCESSING, PaymentLifecycle.WAITING_FOR_PROCESSOR,
                clock.instant().minus(Duration.ofMinutes(1))), lifecycle::reconcile, "reconcile")
                // And those whose charge never answered at all (the process stopped between storing and charging).
                + each(payments.stalledIds(PaymentStatus.PROCESSING, clock.instant().minus(STALLED_AFTER)),
                lifecycle::resume, "resume");
    }

    /** Runs the work for each payment on its own: one that fails is logged and the others go on. */
    private int each(List<Long> ids, LongConsumer work, String what) {
        int done = 0;
        for (long id : ids) {
            try {
                work.accept(id);
                done++;
            } catch (RuntimeException e) {
                log.error("Could not {} payment id {}; it is retried on the next run", what, id, e);
            }
        }
        return done;
    }

    private void apply(Payment payment, ReturnCode code, List<String> applied, List<String> skipped) {
        String skippedBecause = lifecycle.returnPayment(payment.id(), code);
        if (skippedBecause == null) {
            applied.add(payment.confirmationNumber() + " (" + payment.loanNumber() + "): " + code.name() + " "
                    + code.description());
        } else {
            skipped.add(skippedBecause);
        }
    }

    /**
     * Writes the file as "name.part" now and gives it its real name only once the database has committed:
     * a file for payments the database did not mark as sent must never reach the bank (a transmitter
     * picks up only finished names). A rollback deletes the part file.
     */
    private void write(String name, byte[] bytes) {
        Path folder = Path.of(properties.outboxDir());
        Path target = folder.resolve(name);
        Path part = folder.resolve(name + ".part");
        try {
            Files.createDirectories(folder);
            Files.write(part, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ACH file to " + folder.toAbsolutePath(), e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == STATUS_COMMITTED) {
                        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.deleteIfExists(part);
                    }
                } catch (IOException e) {
                    log.error("ACH file {} could not be finished in {}: {}", name, folder.toAbsolutePath(), e.getMessage());
                }
            }
        });
    }

    /** The bank's name field holds 22 characters; a longer holder name is cut, never refused. */
    private static String shortName(String holder) {
        String name = holder.strip();
        return name.length() <= AchDebit.INDIVIDUAL_NAME_MAX ? name : name.substring(0, AchDebit.INDIVIDUAL_NAME_MAX).strip();
    }

    private String actor() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }

    private void record(String actor, AuditAction action, String detail) {
        String role = currentUser.actor().map(PortalUser::role).orElse(Role.SYSTEM);
        audit.record(actor, role, null, null, null, action, detail);
    }

    private void recordWithin(String actor, AuditAction action, String detail) {
        String role = currentUser.actor().map(PortalUser::role).orElse(Role.SYSTEM);
        audit.recordWithin(actor, role, null, null, null, action, detail);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.borrowerportal.audit;

import io.borrowerportal.common.Csv;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The audit log as staff read it (decision 026): pages of a filtered search, one entry's details, the filtered
 * entries as CSV, and the check of the whole hash chain. Admins see every entry; other staff only entries about a
 * customer or a loan, never the sign-ins and second factors of staff accounts or the lender's own settings, and that
 * rule is part of every query here, not of the page. Reading the log and exporting it are themselves audited.
 */
@Service
public class AuditLog {

    /** Searches are counted up to here; the viewer pages through the newest this many and says there are more. */
    public static final int COUNT_CAP = 10_000;
    public static final int MAX_PAGE = 500;
    /** Rows per read while exporting or checking the chain: memory stays flat whatever the table's size. */
    static final int READ_PAGE = 1_000;

    static final String CSV_HEADER = "Id,Occurred at,Actor,Actor role,Customer id,Customer,Loan number,Action,Detail,"
            + "Previous hash,Hash,Hash scheme";

    private final AuditRows rows;
    private final AuditChain chain;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    AuditLog(AuditRows rows, AuditChain chain, AuditService audit, Clock clock, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.snapshot = new TransactionTemplate(transactions);
        // The head and every row as of one moment: entries appended meanwhile are not half seen.
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.chain = chain;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The entries from {@code offset}, newest first, at most {@link #MAX_PAGE}; nothing past {@link #COUNT_CAP}
     * (narrow the filters to reach older entries, or export them). The first page of a search is recorded as a view
     * of the log, with its filters.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset >= 0 and limit >= 1");
        }
        int allowed = Math.min(Math.min(limit, MAX_PAGE), COUNT_CAP - offset);
        List<AuditEntry> page = allowed <= 0 ? List.of()
                : rows.page(criteria(filter), offset, allowed).stream().map(AuditEvent::toRecord).toList();
        if (offset == 0) {
            recordByViewer(AuditAction.AUDIT_LOG_VIEWED, "Viewed the audit log: " + filter.describe());
        }
        return page;
    }

    /** How many entries match, up to {@link #COUNT_CAP} + 1 (which means "more than the cap"). */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public long count(AuditFilter filter) {
        return rows.count(criteria(filter), COUNT_CAP + 1L);
    }

    /** One entry with its hashes; empty when there is none or the viewer's role does not show it. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Optional<AuditEntryDetail> entry(long id) {
        return rows.byId(id, !viewerIsAdmin()).map(AuditEvent::toDetail);
    }

    /**
     * Writes every entry the filters and the viewer's role allow, newest first, as CSV in UTF-8, a page at a time
     * (keyset paging, so memory does not grow with the rows, and no transaction or connection is held while a slow
     * client reads). Recorded before the first byte goes out: an export broken off half way may still have left a
     * copy. Times are in the lender's time zone with their offset.
     *
     * @return the number of entries written
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public long exportCsv(AuditFilter filter, OutputStream out) {
        AuditRows.Criteria criteria = criteria(filter);
        recordByViewer(AuditAction.AUDIT_LOG_EXPORTED, "Exported the audit log as CSV: " + filter.describe());
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(clock.getZone());
        long written = 0;
        try {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            csv.write(CSV_HEADER);
            csv.write(Csv.CRLF);
            AuditEvent last = null;
            List<AuditEvent> page;
            do {
                page = rows.pageAfter(criteria, last, READ_PAGE);
                for (AuditEvent event : page) {
                    writeRow(csv, event.toDetail(), time);
                    written++;
                }
                last = page.isEmpty() ? last : page.getLast();
            } while (page.size() == READ_PAGE);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit log export could not be written", e);
        }
        return written;
    }

    private static void writeRow(Writer csv, AuditEntryDetail detail, DateTimeFormatter time) throws IOException {
        AuditEntry e = detail.entry();
        csv.write(Long.toString(e.id()));
        csv.write(',');
        csv.write(time.format(e.occurredAt()));
        for (String text : new String[] {e.actor(), e.actorRole(), e.customerId() == null ? null : e.customerId().toString(),
                e.customer(), e.loanNumber(), e.action().name(), e.detail(), detail.prevHash(), detail.hash()}) {
            csv.write(',');
            csv.write(Csv.text(text));
        }
        csv.write(',');
        csv.write(Integer.toString(detail.hashScheme()));
        csv.write(Csv.CRLF);
    }

    /**
     * Checks the whole chain, oldest entry first, {@link #READ_PAGE} rows at a time in one consistent snapshot,
     * and stops at the first broken link. Every staff member may run it: it names the broken entry's id and time,
     * not its content. The outcome is recorded, after the check's transaction ended (one connection at a time).
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public ChainCheck verifyChain() {
        ChainCheck check = snapshot.execute(status -> check(rows, chain));
        recordByViewer(AuditAction.AUDIT_CHAIN_VERIFIED, check.intact()
                ? "Checked the audit chain: intact, " + check.entriesChecked() + " entries"
                : "Checked the audit chain: broken at entry " + check.brokenEntryId() + ": " + check.problem());
        return check;
    }

    /** The check itself, shared with {@link AuditService#verifyChain()}; the caller holds the transaction. */
    static ChainCheck check(AuditRows rows, AuditChain chain) {
        String head = rows.headHash();
        AuditChain.Walk walk = chain.walk();
        long checked = 0;
        AuditEvent newest = null;
        List<AuditEvent> page;
        do {
            page = rows.chainPageAfter(newest == null ? 0 : newest.id(), READ_PAGE);
            for (AuditEvent event : page) {
                String problem = walk.next(event);
                if (problem != null) {
                    return ChainCheck.brokenAt(checked, event.id(), event.occurredAt(), problem);
                }
                checked++;
                newest = event;
            }
        } while (page.size() == READ_PAGE);
        String problem = walk.end(head);
        if (problem != null) {
            return ChainCheck.brokenAtEnd(checked, newest == null ? null : newest.id(),
                    newest == null ? null : newest.occurredAt(), problem);
        }
        return ChainCheck.intact(checked);
    }

    private AuditRows.Criteria criteria(AuditFilter filter) {
        ZoneId zone = clock.getZone();
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        return new AuditRows.Criteria(filter.customerId(), filter.loanNumber(), filter.actor(), filter.action(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), !viewerIsAdmin());
    }

    /** Admins see every entry (decision 026); the method security above lets only staff and admins in. */
    static boolean viewerIsAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
    }

    private void recordByViewer(AuditAction action, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        audit.record(auth.getName(), viewerIsAdmin() ? "ADMIN" : "STAFF", null, null, null, action, detail);
    }
}

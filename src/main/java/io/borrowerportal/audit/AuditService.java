package io.borrowerportal.audit;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Appends to and reads the audit log. Appending locks the single chain-head row, so events from
 * several nodes still form one linear hash chain.
 */
@Service
public class AuditService {

    static final int MAX_DETAIL = 500;

    private final AuditRepository events;
    private final AuditChainHeadRepository head;
    private final Clock clock;

    AuditService(AuditRepository events, AuditChainHeadRepository head, Clock clock) {
        this.events = events;
        this.head = head;
        this.clock = clock;
    }

    /**
     * Records an event in its own transaction: an audit row must survive the rollback of the work it
     * describes (a refused change is audited too).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                       AuditAction action, String detail) {
        append(actor, actorRole, customerId, customer, loanNumber, action, detail);
    }

    /**
     * Records an event as part of the caller's transaction: it commits with the work it describes, or
     * not at all. For work that holds other locks (a payment holds its account's row), this also avoids
     * asking the pool for a second connection while the first waits. The caller must not record with
     * {@link #record} later in the same transaction: that would wait for this transaction's chain lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                             AuditAction action, String detail) {
        append(actor, actorRole, customerId, customer, loanNumber, action, detail);
    }

    private void append(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                        AuditAction action, String detail) {
        String safeDetail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        // Millisecond precision, as stored: the hash must match what is read back on every database.
        AuditEvent event = new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, actorRole, customerId, customer, loanNumber,
                action, safeDetail);
        AuditChainHead chainHead = head.lockHead();
        String hash = sha256(chainHead.lastHash() + "|" + event.canonical());
        event.chain(chainHead.lastHash(), hash);
        events.save(event);
        chainHead.advance(hash);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<AuditEntry> search(AuditQuery query) {
        int limit = Math.clamp(query.limit(), 1, 1000);
        return events.search(query.customerId(), blankToNull(query.actor()), blankToNull(query.loanNumber()),
                        query.action(), query.from(), query.to(), PageRequest.of(0, limit))
                .stream().map(AuditEvent::toRecord).toList();
    }

    /** True when every row's hash matches its content and its predecessor. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public boolean verifyChain() {
        String previous = "0".repeat(64);
        try (Stream<AuditEvent> all = events.streamInOrder()) {
            Iterator<AuditEvent> it = all.iterator();
            while (it.hasNext()) {
                AuditEvent event = it.next();
                if (!event.prevHash().equals(previous)
                        || !event.hash().equals(sha256(previous + "|" + event.canonical()))) {
                    return false;
                }
                previous = event.hash();
            }
        }
        return previous.equals(head.findById(AuditChainHead.ID).orElseThrow().lastHash());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

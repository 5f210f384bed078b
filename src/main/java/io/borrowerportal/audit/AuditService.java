package io.borrowerportal.audit;

import io.borrowerportal.common.TransactionSynchronizations;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

import java.sql.Types;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to and reads the audit log. Appending locks the single chain-head row, so events from
 * several nodes still form one linear hash chain.
 */
@Service
public class AuditService {

    static final int MAX_DETAIL = 500;

    /** Column types of the batch insert, so a null customer needs no parameter metadata from the driver. */
    private static final int[] TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER};

    private final AuditRows rows;
    private final AuditChainHeadRepository head;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final AuditChain chain;
    private final Clock clock;

    AuditService(AuditRows rows, AuditChainHeadRepository head, JdbcTemplate jdbc, EntityManager entityManager,
                 AuditChain chain, Clock clock) {
        this.chain = chain;
        this.rows = rows;
        this.head = head;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
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
     * not at all. The events of a transaction are chained and written together just before it commits, so
     * the chain's head is locked only for that moment (a run of a thousand payments takes it once, and never
     * holds it while it waits for other locks); for work that holds other locks (a payment holds its
     * account's row), this also avoids asking the pool for a second connection while the first waits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                             AuditAction action, String detail) {
        pendingInThisTransaction().events.add(event(actor, actorRole, customerId, customer, loanNumber, action, detail));
    }

    private void append(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                        AuditAction action, String detail) {
        appendAll(List.of(event(actor, actorRole, customerId, customer, loanNumber, action, detail)));
    }

    private AuditEvent event(String actor, String actorRole, Long customerId, String customer, String loanNumber,
                             AuditAction action, String detail) {
        String safeDetail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        // Millisecond precision, as stored: the hash must match what is read back on every database.
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, actorRole, customerId, customer,
                loanNumber, action, safeDetail);
    }

    /** Chains the events onto the head, in order, under the head's row lock, and writes them. */
    private void appendAll(List<AuditEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // The transaction's own changes go out first, taking whatever row locks they need: once the head is
        // locked, the commit waits for nothing else, so the head is never held while another lock is awaited.
        entityManager.flush();
        AuditChainHead chainHead = head.lockHead();
        String previous = chainHead.lastHash();
        for (AuditEvent event : batch) {
            String hash = chain.hash(previous, event);
            event.chain(previous, hash, AuditChain.HMAC_SHA256);
            previous = hash;
        }
        // One statement for the batch (a run's page can hold hundreds of events).
        jdbc.batchUpdate("""
                INSERT INTO audit_events (occurred_at, actor, actor_role, customer_id, customer, loan_number, action,
                    detail, prev_hash, hash, hash_scheme) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                batch.stream().map(AuditEvent::row).toList(), TYPES);
        chainHead.advance(previous);
    }

    /**
     * The current transaction's events waiting to be written: an event recorded in a REQUIRES_NEW transaction
     * commits with that inner transaction, as it should ({@link TransactionSynchronizations}).
     */
    private Pending pendingInThisTransaction() {
        return TransactionSynchronizations.current(Pending.class, pending -> pending.owner() == this,
                () -> new Pending(this, new ArrayList<>()));
    }

    private record Pending(AuditService owner, List<AuditEvent> events) implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            owner.appendAll(events);
        }
    }

    /**
     * The newest matching entries, at most 1000, newest first. Staff who are not admins see only entries about a
     * customer or a loan (decision 026); the viewer pages with {@link AuditLog}.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<AuditEntry> search(AuditQuery query) {
        int limit = Math.clamp(query.limit(), 1, 1000);
        return rows.page(new AuditRows.Criteria(query.customerId(), blankToNull(query.loanNumber()),
                        blankToNull(query.actor()), query.action(), query.from(), query.to(), !AuditLog.viewerIsAdmin()),
                        0, limit)
                .stream().map(AuditEvent::toRecord).toList();
    }

    /**
     * True when every row's hash matches its content and its predecessor, by the scheme it was written with
     * (see {@link AuditChain#verify}); {@link AuditLog#verifyChain()} also says where it breaks.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public boolean verifyChain() {
        return AuditLog.check(rows, chain).intact();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

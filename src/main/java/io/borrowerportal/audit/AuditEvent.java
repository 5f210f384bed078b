package io.borrowerportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    private String actorRole;
    private Long customerId;
    private String customer;
    private String loanNumber;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    private String detail;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;
    @Column(name = "hash_scheme")
    private int hashScheme;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String actorRole, Long customerId, String customer,
               String loanNumber, AuditAction action, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorRole = actorRole;
        this.customerId = customerId;
        this.customer = customer;
        this.loanNumber = loanNumber;
        this.action = action;
        this.detail = detail;
    }

    /** A row as read back by JDBC (the chain check and the log viewer read pages without the persistence context). */
    static AuditEvent stored(long id, Instant occurredAt, String actor, String actorRole, Long customerId,
                             String customer, String loanNumber, AuditAction action, String detail, String prevHash,
                             String hash, int hashScheme) {
        AuditEvent event = new AuditEvent(occurredAt, actor, actorRole, customerId, customer, loanNumber, action, detail);
        event.id = id;
        event.chain(prevHash, hash, hashScheme);
        return event;
    }

    /** The content a {@link AuditChain#LEGACY_SHA256} hash covers: ambiguous where a field holds a '|'. */
    String canonical() {
        return String.join("|", String.valueOf(occurredAt.toEpochMilli()), actor, actorRole,
                String.valueOf(customerId), String.valueOf(customer), String.valueOf(loanNumber),
                action.name(), detail);
    }

    /** The fields a {@link AuditChain#HMAC_SHA256} hash covers, each encoded on its own; nulls stay null. */
    List<String> fields() {
        return Arrays.asList(String.valueOf(occurredAt.toEpochMilli()), actor, actorRole,
                customerId == null ? null : customerId.toString(), customer, loanNumber, action.name(), detail);
    }

    void chain(String prevHash, String hash, int hashScheme) {
        this.prevHash = prevHash;
        this.hash = hash;
        this.hashScheme = hashScheme;
    }

    /** The row's columns in the order of {@link AuditService}'s batch insert; times in UTC, as stored. */
    Object[] row() {
        return new Object[] {LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC), actor, actorRole,
                customerId, customer, loanNumber, action.name(), detail, prevHash, hash, hashScheme};
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }

    int hashScheme() {
        return hashScheme;
    }

    AuditEntry toRecord() {
        return new AuditEntry(id, occurredAt, actor, actorRole, customerId, customer, loanNumber, action, detail);
    }

    AuditEntryDetail toDetail() {
        return new AuditEntryDetail(toRecord(), prevHash, hash, hashScheme);
    }
}

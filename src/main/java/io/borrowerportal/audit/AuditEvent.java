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

    /** The content the hash covers; any change to a stored row changes it. */
    String canonical() {
        return String.join("|", String.valueOf(occurredAt.toEpochMilli()), actor, actorRole,
                String.valueOf(customerId), String.valueOf(customer), String.valueOf(loanNumber),
                action.name(), detail);
    }

    void chain(String prevHash, String hash) {
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** The row's columns in the order of {@link AuditService}'s batch insert; times in UTC, as stored. */
    Object[] row() {
        return new Object[] {LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC), actor, actorRole,
                customerId, customer, loanNumber, action.name(), detail, prevHash, hash};
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }

    AuditEntry toRecord() {
        return new AuditEntry(id, occurredAt, actor, actorRole, customerId, customer, loanNumber, action, detail);
    }
}

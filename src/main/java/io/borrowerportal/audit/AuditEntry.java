package io.borrowerportal.audit;

import java.time.Instant;

/**
 * One audit event. {@code actor} is the person acting (a staff member during a preview); {@code customer}
 * is the customer concerned, so a preview row carries both identities.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorRole, Long customerId,
                         String customer, String loanNumber, AuditAction action, String detail) {
}

package io.borrowerportal.audit;

import java.time.Instant;

/** Filters for the audit log; null means "any". */
public record AuditQuery(Long customerId, String actor, String loanNumber, AuditAction action, Instant from,
                         Instant to, int limit) {

    public static AuditQuery forCustomer(long customerId) {
        return new AuditQuery(customerId, null, null, null, null, null, 200);
    }
}

package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import org.springframework.stereotype.Component;

/**
 * Audits a customer's money work (payments, saved payment methods) with the acting person: the customer, a
 * staff member, or "system" for jobs. Details name payments by confirmation number and methods by their
 * masked label, never by full numbers.
 */
@Component
public class ActorAudit {

    private final AuditService audit;
    private final CurrentUser currentUser;

    ActorAudit(AuditService audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Audits work of the current transaction, as part of it (see {@link AuditService#recordWithin}). */
    public void record(long customerId, String loanNumber, AuditAction action, String detail) {
        PortalUser actor = currentUser.actor().orElse(null);
        audit.recordWithin(actor == null ? SystemTask.ACTOR : actor.email(), actor == null ? Role.SYSTEM : actor.role(),
                customerId, customer(customerId), loanNumber, action, detail);
    }

    /** Audits something that writes nothing else (a payoff quote), in a transaction of its own. */
    public void recordAlone(long customerId, String loanNumber, AuditAction action, String detail) {
        PortalUser actor = currentUser.actor().orElse(null);
        audit.record(actor == null ? SystemTask.ACTOR : actor.email(), actor == null ? Role.SYSTEM : actor.role(),
                customerId, customer(customerId), loanNumber, action, detail);
    }

    private String customer(long customerId) {
        return currentUser.servedCustomer().filter(c -> c.id() == customerId).map(PortalUser::email).orElse(null);
    }

    /** Whether the signed-in customer is this payment's payer (false for staff and jobs). */
    public boolean isPayer(long customerId) {
        return currentUser.servedCustomer().filter(c -> c.id() == customerId).isPresent() && !currentUser.previewing();
    }

    public String actorName() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }
}

package io.borrowerportal.payment;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.stereotype.Component;

/**
 * Audits payment work with the acting person (a customer, a staff member, or "system" for jobs). Details
 * name payments by confirmation number and methods by their masked label, never by full numbers.
 */
@Component
class PaymentAudit {

    private final AuditService audit;
    private final CurrentUser currentUser;

    PaymentAudit(AuditService audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    void record(long customerId, String loanNumber, AuditAction action, String detail) {
        PortalUser actor = currentUser.actor().orElse(null);
        String customer = currentUser.servedCustomer().filter(c -> c.id() == customerId).map(PortalUser::email)
                .orElse(null);
        audit.record(actor == null ? SystemTask.ACTOR : actor.email(), actor == null ? Role.SYSTEM : actor.role(),
                customerId, customer, loanNumber, action, detail);
    }

    String actorName() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }
}

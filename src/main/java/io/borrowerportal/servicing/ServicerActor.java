package io.borrowerportal.servicing;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The servicer as the actor of what it sent: "servicer:" and the API client's name when the servicing system
 * itself calls (role API_CLIENT), plain "servicer" for the portal's own jobs acting for it (an import). Audited
 * within the change's transaction, so an entry exists exactly when the change does.
 */
@Component
class ServicerActor {

    static final String ACTOR = "servicer";
    private static final int MAX_ACTOR = 160;

    private final AuditService audit;

    ServicerActor(AuditService audit) {
        this.audit = audit;
    }

    String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean servicer = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.API_CLIENT).equals(a.getAuthority()));
        String name = servicer ? ACTOR + ":" + auth.getName() : ACTOR;
        return name.length() > MAX_ACTOR ? name.substring(0, MAX_ACTOR) : name;
    }

    void record(Long customerId, String customer, String loanNumber, AuditAction action, String detail) {
        audit.recordWithin(name(), Role.API_CLIENT, customerId, customer, loanNumber, action, detail);
    }
}

package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-ins and failed attempts to the audit log. */
@Component
class SignInAuditor {

    private static final int MAX_EMAIL = 160;

    private final AuditService audit;

    SignInAuditor(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            audit.record(user.email(), user.role(), user.isCustomer() ? user.id() : null,
                    user.isCustomer() ? user.email() : null, null, AuditAction.LOGIN_SUCCEEDED, "Signed in");
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = String.valueOf(event.getAuthentication().getName());
        if (attempted.length() > MAX_EMAIL) {
            attempted = attempted.substring(0, MAX_EMAIL);
        }
        audit.record(attempted, "UNKNOWN", null, null, null, AuditAction.LOGIN_FAILED,
                event.getException().getClass().getSimpleName());
    }
}

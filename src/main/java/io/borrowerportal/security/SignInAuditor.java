package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes sign-ins and sign-outs to the audit log. Failed attempts are not chained events: they go to
 * their own table, one INSERT each ({@link SignInLockout}, decision 017).
 */
@Component
class SignInAuditor implements LogoutHandler {

    private final AuditService audit;
    private final SignInMetrics metrics;

    SignInAuditor(AuditService audit, SignInMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            metrics.succeeded();
            audit.record(user.email(), user.role(), user.isCustomer() ? user.id() : null,
                    user.isCustomer() ? user.email() : null, null, AuditAction.LOGIN_SUCCEEDED,
                    SecondFactorService.pending(event.getAuthentication()) ? "Password accepted; second factor to follow" : "Signed in");
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            audit.record(user.email(), user.role(), user.isCustomer() ? user.id() : null,
                    user.isCustomer() ? user.email() : null, null, AuditAction.LOGOUT, "Signed out");
        }
    }
}

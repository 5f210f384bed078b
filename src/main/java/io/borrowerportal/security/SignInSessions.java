package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When each session signed in, and whether its account's password changed since. Sessions live in memory on
 * the node that served the sign-in, so a password reset (or a staff member's new role or deactivation, decision
 * 027) cannot reach them directly: it stores the instant in the account's row ({@code sessions_valid_after}), and {@link SessionRevocationFilter} ends, on whichever node
 * it runs, every session whose sign-in is older (decision 016).
 */
@Component
class SignInSessions {

    /** The HTTP session attribute holding the instant this session signed in. */
    static final String SIGNED_IN_AT = SignInSessions.class.getName() + ".SIGNED_IN_AT";

    private final StaffUserRepository staff;
    private final CustomerLogins customers;
    private final AuditService audit;
    private final Clock clock;

    SignInSessions(StaffUserRepository staff, CustomerLogins customers, AuditService audit, Clock clock) {
        this.staff = staff;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Now, to the millisecond the database keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The login form's sign-in: the session (whose id changes right after, keeping its attributes) is stamped. */
    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser) {
            stampCurrentSession(now());
        }
    }

    /** Marks the current request's session as signed in at the instant, if there is a request and a session. */
    void stampCurrentSession(Instant at) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SIGNED_IN_AT, at, RequestAttributes.SCOPE_SESSION);
        }
    }

    /** Before this instant no session of the account counts any more; empty when its password never changed. */
    Optional<Instant> validAfter(PortalUser account) {
        return account.isCustomer() ? customers.sessionsValidAfter(account.id()) : staff.sessionsValidAfter(account.id());
    }

    /**
     * True when the session signed in before its account's sessions were ended. A session without a stamp
     * (signed in before this check existed) counts from its creation, which is never after its sign-in.
     */
    boolean outdated(HttpSession session, PortalUser account) {
        Optional<Instant> validAfter = validAfter(account);
        if (validAfter.isEmpty()) {
            return false;
        }
        Object stamp = session.getAttribute(SIGNED_IN_AT);
        Instant signedInAt = stamp instanceof Instant at ? at : Instant.ofEpochMilli(session.getCreationTime());
        return signedInAt.isBefore(validAfter.get());
    }

    void recordEnded(PortalUser account) {
        audit.record(account.email(), account.role(), account.isCustomer() ? account.id() : null,
                account.isCustomer() ? account.email() : null, null, AuditAction.SESSION_ENDED_AFTER_PASSWORD_CHANGE,
                "Signed out: the account's password, role or access changed after this session signed in");
    }
}

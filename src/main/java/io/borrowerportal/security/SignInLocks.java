package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.SignInLockout.Account;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The staff side of the sign-in lock after failed attempts (decision 017): see it and lift it. Lifting is
 * audited on the chain with the staff member who did it, and the failures before it no longer count.
 */
@Service
public class SignInLocks {

    private final SignInLockout lockout;
    private final CustomerLogins customers;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInLocks(SignInLockout lockout, CustomerLogins customers, CurrentUser currentUser, AuditService audit,
                JdbcTemplate jdbc, Clock clock) {
        this.lockout = lockout;
        this.customers = customers;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public SignInLockStatus ofCustomer(long customerId) {
        Account account = Account.customer(customerId);
        return new SignInLockStatus(lockout.lockedUntil(account).orElse(null), lockout.recentFailures(account));
    }

    /**
     * Ends the customer's sign-in lock now. Refused during a preview (a preview only looks).
     *
     * @return false when sign-in was not locked (nothing changed, nothing audited)
     */
    @Transactional
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public boolean liftForCustomer(long customerId) {
        PortalUser staff = currentUser.actor().orElseThrow(() -> new AccessDeniedException("No staff member is signed in"));
        PortalUser customer = customers.findById(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer has the id " + customerId));
        Account account = Account.customer(customerId);
        Instant now = clock.instant();
        Instant wasUntil = lockout.lockedUntil(account).orElse(null);
        int lifted = jdbc.update("""
                UPDATE sign_in_locks SET locked_until = ?, lifted_at = ?, lifted_by = ?
                WHERE account_kind = ? AND account_id = ? AND locked_until > ?""",
                SignInLockout.utc(now), SignInLockout.utc(now), staff.email(), account.kind(), account.id(),
                SignInLockout.utc(now));
        if (lifted == 0) {
            return false;
        }
        audit.recordWithin(staff.email(), staff.role(), customerId, customer.email(), null, AuditAction.LOGIN_LOCK_LIFTED,
                "Sign-in lock lifted" + (wasUntil == null ? "" : " (it held until " + lockout.inLenderZone(wasUntil) + ")"));
        return true;
    }
}

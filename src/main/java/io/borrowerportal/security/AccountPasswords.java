package io.borrowerportal.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Changing the password of a staff or customer account: the policy, the hash, and the end of every other
 * session of the account (on every node, see {@link SignInSessions}). The password reset calls it as SYSTEM
 * work; a signed-in person changing their own password (the profile) calls it too, and keeps the session
 * they changed it from.
 */
@Service
public class AccountPasswords {

    private final StaffUserRepository staff;
    private final CustomerLogins customers;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SignInSessions sessions;
    private final CurrentUser currentUser;
    private final SignInLockout lockout;

    AccountPasswords(StaffUserRepository staff, CustomerLogins customers, PasswordPolicy policy, PasswordEncoder encoder,
                     SignInSessions sessions, CurrentUser currentUser, SignInLockout lockout) {
        this.lockout = lockout;
        this.staff = staff;
        this.customers = customers;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    /**
     * The account that signs in with this email, as sign-in finds it (staff first, then customers), without its
     * password hash. For SYSTEM work only: it answers for any email.
     */
    @Transactional(readOnly = true)
    public Optional<PortalUser> account(String email) {
        requireSystem();
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        Optional<PortalUser> found = staff.findByEmailIgnoreCase(normalized).map(StaffUser::toPortalUser)
                .or(() -> customers.findByEmail(normalized));
        found.ifPresent(PortalUser::eraseCredentials);
        return found;
    }

    /**
     * Sets a new password the policy accepts and ends every session of the account signed in before now,
     * except the current one when it is the account's own. Joins the caller's transaction (a reset redeems its
     * link in the same one, so a refused password leaves the link usable).
     *
     * @throws IllegalArgumentException with the policy's words when the password may not be used
     */
    @Transactional
    public void change(PortalUser account, String rawPassword) {
        boolean own = ownAccount(account);
        if (!own) {
            requireSystem();
        }
        policy.check(rawPassword, account.email());
        String hash = encoder.encode(rawPassword);
        Instant now = sessions.now();
        if (account.isCustomer()) {
            customers.changePassword(account.id(), hash, now);
        } else {
            staff.findById(account.id()).orElseThrow().changePassword(hash, now);
        }
        if (own) {
            sessions.stampCurrentSession(now);
        } else {
            lockout.endAfterPasswordReset(account);
        }
    }

    private boolean ownAccount(PortalUser account) {
        if (currentUser.previewing()) {
            return false;
        }
        return currentUser.actor().filter(me -> me.id() == account.id() && me.role().equals(account.role())).isPresent();
    }

    private static void requireSystem() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean system = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.SYSTEM).equals(a.getAuthority()));
        if (!system) {
            throw new AccessDeniedException("Only the account itself or a system task may change a password");
        }
    }
}

package io.borrowerportal.security;

import io.borrowerportal.security.SignInLockout.Account;
import io.borrowerportal.security.SignInLockout.Reason;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Email and password sign-in (decision 017), in place of Spring's {@code DaoAuthenticationProvider}, which
 * refuses a locked or disabled account before it checks the password and so answers those faster. Here every
 * attempt costs exactly one bcrypt hash (an unknown email, or an invited customer without a password, is
 * checked against a dummy hash of the same cost) and every refusal is the same {@link BadCredentialsException}:
 * a wrong password, an unknown email, a locked, invited or disabled account all look alike from outside.
 * Sign-in locked after failed attempts refuses even the right password. Whoever owes a second factor leaves
 * this step with the password factor only (decision 018).
 */
@Component
class SignInAuthenticationProvider implements AuthenticationProvider {

    /** Spring's own wording; the login page shows its single generic message whatever this says. */
    static final String REFUSED = "Bad credentials";

    private final UserDetailsService users;
    private final PasswordEncoder passwordEncoder;
    private final SignInLockout lockout;
    private final SecondFactorService secondFactors;
    /**
     * A hash of a random password, made with the same encoder (bcrypt 12) as real ones, on another thread: one bcrypt
     * hash was 0.6 s of the start-up's main thread on a slow machine, and nobody signs in before the server answers.
     */
    private final CompletableFuture<String> dummyHash;

    SignInAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder, SignInLockout lockout,
                                 SecondFactorService secondFactors) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.passwordEncoder = passwordEncoder;
        this.lockout = lockout;
        this.dummyHash = CompletableFuture.supplyAsync(() -> passwordEncoder.encode(UUID.randomUUID().toString()));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String typed = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        PortalUser user = find(typed);
        String hash = user == null || !isHash(user.getPassword()) ? null : user.getPassword();
        // The one hash of this attempt, whoever it is for.
        boolean passwordMatches = passwordEncoder.matches(password, hash == null ? dummyHash.join() : hash) && hash != null;
        String client = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (user == null) {
            throw refused(typed, null, client, Reason.UNKNOWN_ACCOUNT);
        }
        if (lockout.lockedUntil(Account.of(user)).isPresent()) {
            throw refused(typed, user, client, Reason.LOCKED);
        }
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            throw refused(typed, user, client, Reason.NOT_ACTIVE);
        }
        if (!passwordMatches) {
            throw refused(typed, user, client, Reason.WRONG_PASSWORD);
        }
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(user, attempt.getCredentials(), authoritiesAfterPassword(user));
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    /**
     * The password factor (Spring Security 7's {@code FACTOR_PASSWORD}) and, for someone who owes a second factor
     * (staff and admins always, customers who turned it on), {@link Role#FACTOR_PENDING} instead of their roles, so
     * every role check on routes and service methods refuses them until {@link SecondFactorService} verifies a code
     * (decision 018).
     */
    private List<GrantedAuthority> authoritiesAfterPassword(PortalUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        if (secondFactors.requiredOf(user)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.FACTOR_PENDING));
        } else {
            authorities.addAll(user.getAuthorities());
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private PortalUser find(String typed) {
        try {
            return users.loadUserByUsername(typed) instanceof PortalUser user ? user : null;
        } catch (UsernameNotFoundException unknown) {
            return null;
        }
    }

    /** A bcrypt hash; null (an invited customer) or anything else would be refused without hashing, faster. */
    private static boolean isHash(String stored) {
        return stored != null && stored.startsWith("$2") && stored.length() == 60;
    }

    private BadCredentialsException refused(String typed, PortalUser user, String client, Reason reason) {
        lockout.recordFailure(typed, user, client, reason);
        return new BadCredentialsException(REFUSED);
    }
}

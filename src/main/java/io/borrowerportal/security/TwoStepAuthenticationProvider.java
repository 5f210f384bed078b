package io.borrowerportal.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.ArrayList;
import java.util.List;

/**
 * The password step (Spring's {@link DaoAuthenticationProvider}, which adds the {@code FACTOR_PASSWORD} factor
 * authority). For someone who owes a second factor it keeps the factor authorities but grants
 * {@link Role#FACTOR_PENDING} instead of their roles, so every role check, on routes and on service methods, refuses
 * them until {@link SecondFactorService} verifies a code (decision 018).
 */
class TwoStepAuthenticationProvider extends DaoAuthenticationProvider {

    private final SecondFactorService secondFactors;

    TwoStepAuthenticationProvider(UserDetailsService users, SecondFactorService secondFactors) {
        super(users);
        this.secondFactors = secondFactors;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        Authentication passwordOnly = super.createSuccessAuthentication(principal, authentication, user);
        if (!(user instanceof PortalUser portalUser) || !secondFactors.requiredOf(portalUser)) {
            return passwordOnly;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        passwordOnly.getAuthorities().stream().filter(a -> a.getAuthority().startsWith("FACTOR_")).forEach(authorities::add);
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.FACTOR_PENDING));
        UsernamePasswordAuthenticationToken pending = UsernamePasswordAuthenticationToken.authenticated(
                principal, passwordOnly.getCredentials(), authorities);
        pending.setDetails(passwordOnly.getDetails());
        return pending;
    }
}

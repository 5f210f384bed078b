package io.borrowerportal;

import io.borrowerportal.security.PortalUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signs a demo user in on the test thread. {@link #as} gives the user's roles, as a completed sign-in does:
 * for staff that means password and second factor (decision 018), so tests of staff work need no code.
 * {@link #passwordOnly} goes through the real password step instead and leaves staff owing the code.
 */
public final class SignIn {

    private SignIn() {
    }

    public static PortalUser as(UserDetailsService users, String email) {
        PortalUser user = (PortalUser) users.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    /** The first sign-in step alone, through the application's own authentication provider. */
    public static Authentication passwordOnly(AuthenticationProvider passwordStep, String email, String password) {
        Authentication auth = passwordStep.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        return auth;
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}

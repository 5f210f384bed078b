package io.borrowerportal;

import io.borrowerportal.security.PortalUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo user in on the test thread. {@link #as} gives the user's roles, as a completed sign-in does:
 * for staff that means password and second factor (decision 018), so tests of staff work need no code.
 * {@link #passwordOnly} goes through the real password step instead and leaves staff owing the code.
 */
public final class SignIn {

    /** The sign-in form's hidden CSRF field, as the server writes it (security.ui.SignInPage). */
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

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

    /**
     * The CSRF field of a sign-in page ({@code GET /login}) as {@code name=value&}, to start the body of the form's
     * post from the same session, as a browser sends it (decision 043).
     */
    public static String csrfField(String signInPage) {
        Matcher field = CSRF_FIELD.matcher(signInPage);
        if (!field.find()) {
            throw new IllegalStateException("No CSRF field on the sign-in page: " + signInPage);
        }
        return field.group(1) + "=" + URLEncoder.encode(field.group(2), StandardCharsets.UTF_8) + "&";
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}

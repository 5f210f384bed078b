package io.borrowerportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The per-address limit on sign-in attempts, before authentication (so a refused attempt costs no password
 * hash and does not count against the account). Over the limit it answers exactly what a wrong password gets,
 * the redirect to {@code /login?error} (decision 017). Not a bean: Spring Boot would also register it as a
 * servlet filter of its own; {@link SecurityConfiguration} puts it into the security filter chain.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

    static final String FAILURE_URL = "/login?error";

    private final ClientRateLimits limits;
    private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    SignInRateLimitFilter(ClientRateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn.matches(request)) {
            try {
                limits.check(ClientRateLimits.Endpoint.SIGN_IN, request.getRemoteAddr());
            } catch (TooManyAttemptsException refused) {
                redirect.sendRedirect(request, response, FAILURE_URL);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package io.borrowerportal.security;

import io.borrowerportal.security.ui.SignInPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The CSRF check of the sign-in post. Vaadin's security configurer exempts its login page from CSRF, because Vaadin's
 * own login form posts without Spring's token; the server-rendered sign-in page sends it (decision 043), so the post is
 * checked here, by Spring's own {@link CsrfFilter} against the chain's token store, and a site elsewhere cannot sign a
 * visitor in to an account of its choosing. A form older than its session (15 idle minutes) fails too: the sign-in
 * page then says so and asks again, instead of a bare 403. Not a bean, like {@link SignInRateLimitFilter}.
 */
class SignInCsrfFilter extends OncePerRequestFilter {

    static final String EXPIRED_URL = SignInPage.PATH + "?" + SignInPage.EXPIRED;

    private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInPage.PATH);
    private final CsrfFilter check;

    SignInCsrfFilter(CsrfTokenRepository tokens) {
        check = new CsrfFilter(tokens);
        check.setRequireCsrfProtectionMatcher(signIn);
        DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
        check.setAccessDeniedHandler((request, response, refused) -> redirect.sendRedirect(request, response, EXPIRED_URL));
        // A filter runs once per request by its name, and the chain's own CsrfFilter has already used the class's.
        check.setBeanName("signInCsrfCheck");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIn.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        check.doFilter(request, response, chain);
    }
}

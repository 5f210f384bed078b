package io.borrowerportal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.borrowerportal.security.ui.SignInPage;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Duration;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** OWASP's floor for bcrypt is cost 10; 12 costs about 0.25 s per sign-in on two cores. */
    static final int BCRYPT_COST = 12;

    /**
     * Every relaxation is one Vaadin needs, found in Chromium (decision 019): the bootstrap page starts
     * Flow's client with inline scripts; the client builds functions from the JavaScript the server sends
     * ({@code executeJs}, event data); the components set inline styles; Lumo's icon font is a data: URL.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    /**
     * Static files whose address changes with their content: Vaadin's bundle under {@code /VAADIN/build/} (its files
     * are named by their hash, and {@code base.HashedFileCaching} gives them a year) and a stylesheet linked with its
     * version ({@code ?v-c=}, which Vaadin sends as immutable). Spring's "do not cache" headers stay off them: its
     * {@code Pragma: no-cache} made Chromium ask for every one of them again on each page load (a round trip each, in
     * sequence as the modules import one another), whatever Cache-Control said. A page asked for with {@code ?v-c=}
     * is no file and keeps them.
     */
    static final RequestMatcher VERSIONED_FILES = request -> "GET".equals(request.getMethod())
            && (request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/build/")
            || versionedFile(request.getRequestURI(), request.getQueryString()));

    private static boolean versionedFile(String path, String query) {
        return (path.endsWith(".css") || path.endsWith(".js"))
                && query != null && (query.startsWith("v-c=") || query.contains("&v-c="));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAuditor signInAuditor, ClientRateLimits rateLimits,
                                            SignInSessions sessions) throws Exception {
        // The stylesheet and images are needed by the login page itself, and so is the lender's logo (decision 024). The
        // sign-in page with any notice (?activated, ?password-reset, ?expired): form login permits its address only without a query.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/portal/**", WebsiteSettings.LOGO_PATH).permitAll()
                .requestMatchers(HttpMethod.GET, SignInPage.PATH).permitAll());
        // Per client address, before any password is hashed (decision 017). The password check itself is
        // SignInAuthenticationProvider, the only AuthenticationProvider bean, which Spring puts in the global
        // AuthenticationManager in place of its DaoAuthenticationProvider.
        http.addFilterBefore(new SignInRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
        // The sign-in post's CSRF check (decision 043), against the same token store as the chain's own check.
        CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens));
        http.addFilterAfter(new SignInCsrfFilter(csrfTokens), CsrfFilter.class);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers
                // Written before the request goes on, not when Spring sees the response commit: Vaadin's pages
                // are forwarded to its servlet, and the container commits a forwarded response on its own, so
                // a page that fits in the buffer (the 404 page in production) went out with none of these and
                // with Vaadin's own X-Frame-Options: SAMEORIGIN (decision 019).
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(VERSIONED_FILES),
                        new CacheControlHeadersWriter()))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Sent only on a secure request; behind the TLS proxy that is X-Forwarded-Proto: https, which
                // Tomcat's RemoteIpValve turns into a secure request (server.forward-headers-strategy=native).
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                        .includeSubDomains(true)));
        // A session whose account's password changed since it signed in ends here, on any node (decision 016).
        http.addFilterBefore(new SessionRevocationFilter(sessions), AuthorizationFilter.class);
        // Vaadin's default for an address that is no route is denyAll: a signed-in user then gets an empty
        // 403 from the filter chain instead of the portal's own page. Signed in, such an address reaches the
        // router, which answers NotFoundView with 404, as it does for a route the user may not open; signed
        // out, it leads to the sign-in page like every other address (decision 006).
        // The sign-in page is a Spring MVC page, not a route (decision 043): Vaadin is given its address, so a signed-out
        // visitor of a Vaadin page is sent there and the form's post is Spring Security's sign-in.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInPage.PATH)
                .anyRequest(AuthorizedUrl::authenticated)
                .addLogoutHandler(signInAuditor));
        return http.build();
    }


    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }
}

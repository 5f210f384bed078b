package io.borrowerportal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.borrowerportal.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** OWASP's floor for bcrypt is cost 10; 12 costs about 0.25 s per sign-in on two cores. */
    static final int BCRYPT_COST = 12;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAuditor signInAuditor, SignInSessions sessions) throws Exception {
        // The stylesheet and images are needed by the login page itself.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/portal/**").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        // A session whose account's password changed since it signed in ends here, on any node (decision 016).
        http.addFilterBefore(new SessionRevocationFilter(sessions), AuthorizationFilter.class);
        // Vaadin's default for an address that is no route is denyAll: a signed-in user then gets an empty
        // 403 from the filter chain instead of the portal's own page. Signed in, such an address reaches the
        // router, which answers NotFoundView with 404, as it does for a route the user may not open; signed
        // out, it leads to the sign-in page like every other address (decision 006).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizedUrl::authenticated)
                .addLogoutHandler(signInAuditor));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }
}

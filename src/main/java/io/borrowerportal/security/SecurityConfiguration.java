package io.borrowerportal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.borrowerportal.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** OWASP's floor for bcrypt is cost 10; 12 costs about 0.25 s per sign-in on two cores. */
    static final int BCRYPT_COST = 12;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAuditor signInAuditor) throws Exception {
        // The stylesheet and images are needed by the login page itself.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/portal/**").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        // Vaadin's default for an address that is no route is denyAll: a signed-in user then gets an empty
        // 403 from the filter chain instead of the portal's own page. Signed in, such an address reaches the
        // router, which answers NotFoundView with 404, as it does for a route the user may not open; signed
        // out, it leads to the sign-in page like every other address (decision 006).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizedUrl::authenticated)
                .addLogoutHandler(signInAuditor));
        return http.build();
    }

    /** The password step; it leaves those who owe a second factor with {@link Role#FACTOR_PENDING} only (decision 018). */
    @Bean
    TwoStepAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                         SecondFactorService secondFactors) {
        TwoStepAuthenticationProvider provider = new TwoStepAuthenticationProvider(users, secondFactors);
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }
}

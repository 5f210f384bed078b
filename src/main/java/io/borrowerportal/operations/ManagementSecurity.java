package io.borrowerportal.operations;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The management port's own filter chain: health, info and prometheus answer without a sign-in, to the load
 * balancer, the orchestrator's probes and Prometheus, and nothing else is there. {@link EndpointRequest} matches
 * only requests to the management server when it has a port of its own, so the customers' port gains nothing: on
 * it, {@code /actuator/**} is an address like any other, behind the sign-in. Stateless; nothing here changes state
 * ({@code management.endpoints.access.default=read-only}), so CSRF protection, left on, never has anything to refuse.
 * An address the management port does not expose is a plain 404 there.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(), onManagementPort(environment)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Every request to the management server's own port, exposed endpoint or not: an address that is not exposed
     * there is a plain 404, not a redirect to a sign-in page that port does not have. Never the customers' port,
     * also when both are set to the same number.
     */
    static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            String management = environment.getProperty("local.management.port");
            return management != null && !management.equals(environment.getProperty("local.server.port"))
                    && management.equals(String.valueOf(request.getLocalPort()));
        };
    }
}

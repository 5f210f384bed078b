package io.borrowerportal.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The management port's own filter chain: health, info and prometheus answer without a sign-in, to the load
 * balancer, the orchestrator's probes and Prometheus, and nothing else is there. It matches every request that arrived
 * on the management server's own port and nothing on the customers' port, where {@code /actuator/**} is an address like
 * any other, behind the sign-in; should someone set both ports to one, the endpoints fall behind the sign-in too. The
 * port is told by the socket ({@code getLocalPort()}), not by a header a client could send. Stateless; nothing here
 * changes state ({@code management.endpoints.access.default=read-only}), so CSRF protection, left on, never has
 * anything to refuse. An address the management port does not expose is a plain 404 there.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment) throws Exception {
        return http.securityMatcher(onManagementPort(environment))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Requests that arrived on the management server's port, when it has one of its own. A request with no socket
     * behind it (Spring Security's {@code FilterInvocation}, built to ask which chain an address goes through) is not
     * one: it goes to the chains that need a sign-in.
     */
    static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            String management = environment.getProperty("local.management.port");
            if (management == null || management.equals(environment.getProperty("local.server.port"))) {
                return false;
            }
            try {
                return management.equals(String.valueOf(request.getLocalPort()));
            } catch (UnsupportedOperationException noSocket) {
                return false;
            }
        };
    }
}

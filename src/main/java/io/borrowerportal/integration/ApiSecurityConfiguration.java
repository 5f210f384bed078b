package io.borrowerportal.integration;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.Map;

/**
 * The inbound API's own security filter chain (decision 028), ordered before the Vaadin chain and matching only
 * {@code /api/v1/**}: no session (a browser's session cookie signs nothing in here, and nothing here creates one), no
 * CSRF token (there is no cookie for a forged request to ride on), no form login or redirect; an API key signs in each
 * request on its own. The Vaadin chain, which matches everything else, knows nothing of API keys, so a key opens no
 * page. GET and HEAD need the read scope, every other method the write scope; a refusal is a problem detail.
 */
@Configuration
class ApiSecurityConfiguration implements WebMvcConfigurer {

    static final String READ_AUTHORITY = "API_READ";
    static final String WRITE_AUTHORITY = "API_WRITE";
    static final String NO_KEY = "Send the API key in the Authorization header: Bearer <key>.";
    static final String READ_ONLY = "This API key may only read (GET); ask the lender's admin for a key with the write scope.";

    private final ApiProblems problems;

    ApiSecurityConfiguration(ApiProblems problems) {
        this.problems = problems;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiClientRepository clients, ApiRateLimits rateLimits,
                                       AuditService audit, Clock clock,
                                       @Value("${portal.api.max-body-bytes:1MB}") DataSize maxBody) throws Exception {
        http.securityMatcher(ApiPaths.PATTERN)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, ApiPaths.PATTERN).hasAuthority(READ_AUTHORITY)
                        .requestMatchers(HttpMethod.HEAD, ApiPaths.PATTERN).hasAuthority(READ_AUTHORITY)
                        .anyRequest().hasAuthority(WRITE_AUTHORITY))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, ApiKeyAuthenticationFilter.UNAUTHORIZED, NO_KEY,
                                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer")))
                        .accessDeniedHandler((request, response, denied) -> {
                            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                            if (auth != null && auth.getPrincipal() instanceof ApiPrincipal client) {
                                audit.record(client.actor(), Role.API_CLIENT, null, null, null, AuditAction.API_REQUEST_FORBIDDEN,
                                        request.getMethod() + " " + request.getRequestURI() + " refused: read-only key");
                            }
                            problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", READ_ONLY, Map.of());
                        }))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, rateLimits, audit, problems, clock),
                        AuthorizationFilter.class)
                .addFilterAfter(new ApiBodyLimitFilter(maxBody.toBytes(), problems), ApiKeyAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Request bodies are read with the strict mapper of {@link ApiProblems}: an unknown field is a 400, not silently
     * dropped (a servicer's misspelt field would otherwise be lost without anyone noticing). The API's controllers are
     * the portal's only JSON request bodies in Spring MVC (Vaadin has its own channel), so this is the API's reading.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> {
            converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter
                    ? new JacksonJsonHttpMessageConverter(problems.json()) : converter);
            // A byte[] body is written as it is, ahead of JSON: springdoc serves the OpenAPI document (/api/docs) as
            // the bytes of its JSON, which the JSON converter would otherwise write as one base64 string.
            converters.removeIf(converter -> converter instanceof ByteArrayHttpMessageConverter);
            converters.addFirst(new ByteArrayHttpMessageConverter());
        });
    }
}

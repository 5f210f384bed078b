package io.borrowerportal.integration;

import io.borrowerportal.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import java.util.List;

/**
 * The API's OpenAPI document (springdoc, {@code /api/docs} and {@code /api/docs.yaml}), so a servicer's developer
 * reads the endpoints, fields and errors from the portal itself. Only {@code /api/v1/**} is documented, and the
 * server is the fixed relative {@code /}, so the document is the same on every port and host (the committed
 * {@code docs/api/openapi.yaml} is compared with it by a test).
 * <p>
 * The addresses sit outside the API's key chain ({@code /api/v1/**}) and outside Vaadin ({@code vaadin.exclude-urls}),
 * so a chain of their own serves them through Spring MVC: readable with the staff console's session of a signed-in
 * admin, or by anyone where {@code portal.api.docs-public=true} (only the embedded default sets it). Anyone else gets
 * a plain 401 or 403, never a redirect to a sign-in page, since a program asks for a document.
 */
@Configuration
class ApiDocsConfiguration {

    static final String DOCS = "/api/docs";
    static final String BEARER = "apiKey";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http,
                                           @Value("${portal.api.docs-public:false}") boolean docsPublic) throws Exception {
        http.securityMatcher(DOCS, DOCS + ".yaml", DOCS + "/**")
                .authorizeHttpRequests(auth -> {
                    if (docsPublic) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().hasRole(Role.ADMIN);
                    }
                })
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    OpenAPI portalApi() {
        return new OpenAPI()
                .info(new Info().title("Borrower Portal API").version("v1")
                        .description("How the lender's servicing system talks to the Borrower Portal: upserts of "
                                + "customers, loans and borrowers, ledger entries, the portal's figures and its event "
                                + "feed. Every request carries an API key issued by the lender's admin in the staff "
                                + "console (Authorization: Bearer <key>); GET needs the read scope, every other method "
                                + "the write scope. Every error is an RFC 9457 problem detail "
                                + "(application/problem+json); field errors are listed in its 'errors' array as "
                                + "{field, message}. Unknown fields are refused, not ignored."))
                .servers(List.of(new Server().url("/").description("This portal")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bpk_<publicId>_<secret>")
                        .description("The API key shown once when the admin issued the client.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}

package io.borrowerportal.integration;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs an API request in from its {@code Authorization: Bearer <key>} header, for this request only (the chain is
 * stateless). The key's public id finds the client; the client's bucket gives a token ({@link ApiRateLimits}, 429
 * when empty); the secret's SHA-256 is compared with the stored one in constant time; a revoked or expired client is
 * refused. Every refusal of a known client is audited; an unknown key is not (nobody to attribute it to, and a flood
 * of them must not flood the log). A request without the header passes on anonymous, and the chain's entry point
 * answers 401. Last use is recorded at most once a minute per client.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String INVALID = "The API key is not valid.";
    static final String REVOKED = "The API key was revoked. Ask the lender's admin for a new one.";
    static final String EXPIRED = "The API key has expired. Ask the lender's admin for a new one.";
    static final String UNAUTHORIZED = "Unauthorized";
    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);
    private static final String BEARER = "Bearer ";
    /** Hashed when the public id is unknown, so that answer takes as long as a wrong secret. */
    private static final String NO_CLIENT_HASH = ApiKeys.hash("no-such-client");

    private final ApiClientRepository clients;
    private final ApiRateLimits rateLimits;
    private final AuditService audit;
    private final ApiProblems problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiClientRepository clients, ApiRateLimits rateLimits, AuditService audit,
                               ApiProblems problems, Clock clock) {
        this.clients = clients;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.ParsedKey> key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? ApiKeys.parse(header.substring(BEARER.length()).strip()) : Optional.empty();
        Optional<ApiClient> found = key.flatMap(k -> clients.findByPublicId(k.publicId()));
        if (found.isEmpty()) {
            key.ifPresent(k -> ApiKeys.matches(k.secret(), NO_CLIENT_HASH));
            unauthorized(request, response, INVALID);
            return;
        }
        ApiClient client = found.get();
        ApiPrincipal principal = new ApiPrincipal(client.id(), client.publicId(), client.name(), client.scope());
        Optional<Duration> wait = rateLimits.take(client.id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This client sent more than " + rateLimits.capacity() + " requests in its window. Try again in "
                            + seconds + " s.", Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
            return;
        }
        Instant now = clock.instant();
        String refusal = !ApiKeys.matches(key.get().secret(), client.secretSha256()) ? INVALID
                : switch (client.status(now)) {
                    case REVOKED -> REVOKED;
                    case EXPIRED -> EXPIRED;
                    case ACTIVE -> null;
                };
        if (refusal != null) {
            audit.record(principal.actor(), Role.API_CLIENT, null, null, null, AuditAction.API_REQUEST_UNAUTHENTICATED,
                    request.getMethod() + " " + request.getRequestURI() + " refused: " + refusal);
            unauthorized(request, response, refusal);
            return;
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        // The row just read says when it was last recorded: within the granularity, no statement is needed.
        if (!client.usedSince(at.minus(LAST_USE_GRANULARITY))) {
            clients.recordUse(client.id(), at, at.minus(LAST_USE_GRANULARITY));
        }

        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities(client.scope())));
        // Not cleared here: the chain's ExceptionTranslationFilter, around this filter, still needs the client when
        // authorization refuses it (403, audited); the chain's SecurityContextHolderFilter clears it after the request.
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    static List<GrantedAuthority> authorities(ApiScope scope) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT));
        authorities.add(new SimpleGrantedAuthority(ApiSecurityConfiguration.READ_AUTHORITY));
        if (scope.allows(ApiScope.WRITE)) {
            authorities.add(new SimpleGrantedAuthority(ApiSecurityConfiguration.WRITE_AUTHORITY));
        }
        return authorities;
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, detail,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }
}

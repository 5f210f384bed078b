package io.borrowerportal.integration;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The inbound API's clients, as admins manage them in the console (decision 028): issue one (its key is returned
 * once and only its hash kept), list them, revoke one. Admins only, and never during a staff preview, whatever the
 * page did; every issue and revoke is audited in the same transaction.
 */
@Service
public class ApiClients {

    /** Form fields a refusal can belong to. */
    public static final String NAME = "name";
    public static final String EXPIRES = "expires";
    public static final int MAX_NAME = 80;

    /**
     * The embedded default's demo client (WRITE): its key is printed in the README, so it is installed only into the
     * embedded H2 database by the demo data, never anywhere else (decision 028).
     */
    public static final String DEMO_KEY = "bpk_demoservicer0001_DemoKeyPublishedInTheReadme-NeverUseForReal";
    static final String DEMO_NAME = "Demo servicing system";

    private final ApiClientRepository clients;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ApiClients(ApiClientRepository clients, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.clients = clients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a client with a new random key. {@code expiresOn}, when given, is the last day the key works (in the
     * lender's time zone); it must not be in the past.
     *
     * @throws ApiClientRefusedException naming the field, when the name or the date cannot be used
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public IssuedApiClient issue(String name, ApiScope scope, LocalDate expiresOn) {
        PortalUser admin = admin();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new ApiClientRefusedException(NAME, "Name the system that will use the key (at most " + MAX_NAME + " characters).");
        }
        if (scope == null) {
            throw new IllegalArgumentException("Choose a scope");
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn != null && expiresOn.isBefore(today)) {
            throw new ApiClientRefusedException(EXPIRES, "Choose today or a later day, or leave it empty for a key that does not expire.");
        }
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        String publicId;
        do {
            publicId = ApiKeys.newPublicId();
        } while (clients.existsByPublicId(publicId));
        String secret = ApiKeys.newSecret();
        ApiClient client = clients.save(new ApiClient(publicId, cleanName, scope, ApiKeys.hash(secret), admin.email(), now(),
                expiresAt));
        audit.recordWithin(admin.email(), admin.role(), null, null, null, AuditAction.API_CLIENT_ISSUED,
                "Issued API client " + cleanName + " (" + client.toSummary(now()).keyPrefix() + "…), scope "
                        + scope.name() + (expiresOn == null ? ", no expiry" : ", expires after " + expiresOn));
        return new IssuedApiClient(client.toSummary(now()), ApiKeys.key(publicId, secret));
    }

    /** Every client, active ones first, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public List<ApiClientSummary> clients() {
        Instant now = now();
        return clients.listed().stream().map(client -> client.toSummary(now)).toList();
    }

    /** Revokes the client's key for good; revoking a revoked client changes nothing and records nothing. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public ApiClientSummary revoke(long clientId) {
        PortalUser admin = admin();
        ApiClient client = clients.lockById(clientId)
                .orElseThrow(() -> new ApiClientRefusedException(null, "There is no such API client."));
        if (client.status(now()) != ApiClientStatus.REVOKED) {
            client.revoke(admin.email(), now());
            audit.recordWithin(admin.email(), admin.role(), null, null, null, AuditAction.API_CLIENT_REVOKED,
                    "Revoked API client " + client.name() + " (" + client.toSummary(now()).keyPrefix() + "…)");
        }
        return client.toSummary(now());
    }

    /** The demo client with {@link #DEMO_KEY}, once; for the embedded default's demo data only. */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM')")
    public void installDemoClient() {
        ApiKeys.ParsedKey key = ApiKeys.parse(DEMO_KEY).orElseThrow();
        if (clients.existsByPublicId(key.publicId())) {
            return;
        }
        clients.save(new ApiClient(key.publicId(), DEMO_NAME, ApiScope.WRITE, ApiKeys.hash(key.secret()), SystemTask.ACTOR,
                now(), null));
        audit.recordWithin(SystemTask.ACTOR, Role.SYSTEM, null, null, null, AuditAction.API_CLIENT_ISSUED,
                "Issued API client " + DEMO_NAME + " (" + ApiKeys.PREFIX + key.publicId() + "_…), scope WRITE, demo data");
    }

    private PortalUser admin() {
        PortalUser actor = currentUser.actor().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
        if (currentUser.previewing() || !Role.ADMIN.equals(actor.role())) {
            throw new AccessDeniedException("Only an admin manages API clients");
        }
        return actor;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

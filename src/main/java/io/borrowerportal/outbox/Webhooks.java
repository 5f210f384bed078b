package io.borrowerportal.outbox;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Webhook endpoints for the admin console (decision 029): add one (its secret shown once), deactivate it, see the
 * events given up on and retry one. Only admins: an endpoint decides where the portal sends what its borrowers
 * do. Every change is audited.
 */
@Service
@PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
public class Webhooks {

    static final int MAX_DESCRIPTION = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRows rows;
    private final WebhookDelivery delivery;
    private final WebhookSecrets secrets;
    private final OutboxEvents events;
    private final OutboxSequencer sequencer;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;

    Webhooks(WebhookRows rows, WebhookDelivery delivery, WebhookSecrets secrets, OutboxEvents events,
             OutboxSequencer sequencer, AuditService audit, CurrentUser currentUser, Clock clock,
             PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.rows = rows;
        this.delivery = delivery;
        this.secrets = secrets;
        this.events = events;
        this.sequencer = sequencer;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpointSummary> endpoints() {
        return rows.all();
    }

    /**
     * Adds an endpoint; it receives the events recorded from now on (the feed has the earlier ones).
     *
     * @return the endpoint and its signing secret, shown to the admin this once
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AddedWebhookEndpoint add(String url, String description) {
        URI uri = WebhookAddresses.parse(url);
        WebhookAddresses.refusedHost(uri, delivery.allowsPrivateAddresses()).ifPresent(problem -> {
            throw new WebhookRefusedException("url", problem + " Webhooks go to the servicing system's public address.");
        });
        String about = description == null ? "" : description.strip();
        if (about.isEmpty() || about.length() > MAX_DESCRIPTION || about.chars().anyMatch(Character::isISOControl)) {
            throw new WebhookRefusedException("description", "Say what receives it, in one line of at most "
                    + MAX_DESCRIPTION + " characters.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        sequencer.sequence();
        // The endpoint and its audit row commit together.
        WebhookEndpointSummary added = tx.execute(status -> {
            long start = events.lastSequence();
            long id = rows.insert(uri.toString(), about, start, clock.instant(), actor());
            rows.replaceSecret(id, "", secrets.seal(id, secret));
            audited(AuditAction.WEBHOOK_ENDPOINT_ADDED, "Endpoint " + id + ": " + uri + " (" + about
                    + "), from event " + (start + 1));
            return rows.all().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        });
        return new AddedWebhookEndpoint(added, secret);
    }

    /** Stops deliveries to an endpoint for good; its dead letters stay listed. */
    @Transactional
    public void deactivate(long endpointId) {
        WebhookRows.Endpoint endpoint = rows.find(endpointId)
                .orElseThrow(() -> new WebhookRefusedException(null, "There is no such endpoint."));
        if (!rows.deactivate(endpointId, clock.instant())) {
            throw new WebhookRefusedException(null, "This endpoint is already inactive.");
        }
        audited(AuditAction.WEBHOOK_ENDPOINT_DEACTIVATED, "Endpoint " + endpointId + ": " + endpoint.url());
    }

    @Transactional(readOnly = true)
    public List<DeadLetter> deadLetters() {
        return rows.openLetters(500);
    }

    /**
     * Sends a dead letter's event again, now, to its endpoint (out of order: the endpoint has moved on; the
     * receiver orders by the event's sequence and de-duplicates on its id).
     *
     * @return empty when the endpoint took it, else why not
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<String> retry(long deadLetterId) {
        WebhookRows.Letter letter = rows.letter(deadLetterId)
                .filter(l -> !l.resolved())
                .orElseThrow(() -> new WebhookRefusedException(null, "This delivery was already retried or does not exist."));
        if (!letter.endpoint().active()) {
            throw new WebhookRefusedException(null, "The endpoint is inactive; add it again to send to it.");
        }
        OutboundEvent event = events.at(letter.sequence()).orElseThrow();
        Optional<String> failure = delivery.post(letter.endpoint(), event);
        // The letter's outcome and its audit row commit together; the request itself was made outside.
        tx.executeWithoutResult(status -> {
            if (failure.isEmpty()) {
                rows.resolve(deadLetterId, actor(), clock.instant());
            } else {
                rows.retryFailed(deadLetterId, failure.get());
            }
            audited(AuditAction.WEBHOOK_RETRIED, event.type() + " " + event.eventId() + " to endpoint "
                    + letter.endpoint().id() + ": " + failure.map(f -> "failed again, " + f).orElse("delivered"));
        });
        return failure;
    }

    /** Audits a change as part of its transaction: both commit, or neither. */
    private void audited(AuditAction action, String detail) {
        audit.recordWithin(actor(), role(), null, null, null, action, detail);
    }

    private String actor() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }

    private String role() {
        return currentUser.actor().map(PortalUser::role).orElse(Role.SYSTEM);
    }
}

package io.borrowerportal.outbox;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts events to the webhook endpoints (decision 029), in sequence order per endpoint, one event at a time: the
 * next is sent only once the one before was taken (a 2xx answer) or given up on. A non-2xx answer, a redirect,
 * a timeout or a refused connection is a failure; the event is tried again after 30 s, 1, 2, 4... minutes (each
 * wait twice the one before, at most an hour) and after {@code max-attempts} it becomes a dead letter, audited,
 * and the endpoint goes on with the next event. No transaction is held while a request is in flight.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Events read per endpoint per pass; the rest wait for the next run. */
    static final int BATCH = 200;
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final OutboxEvents events;
    private final OutboxSequencer sequencer;
    private final WebhookRows rows;
    private final WebhookSecrets secrets;
    private final AuditService audit;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private final TransactionTemplate tx;
    private final boolean allowPrivate;
    private final Timer lag;

    WebhookDelivery(OutboxEvents events, OutboxSequencer sequencer, WebhookRows rows, WebhookSecrets secrets,
                    AuditService audit, Clock clock,
                    PlatformTransactionManager transactions, MeterRegistry registry,
                    @Value("${portal.webhooks.max-attempts:8}") int maxAttempts,
                    @Value("${portal.webhooks.first-backoff:30s}") Duration firstBackoff,
                    @Value("${portal.webhooks.timeout:10s}") Duration timeout,
                    @Value("${portal.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
        // From the business change to the receiver's 2xx (decision 038): what "the servicer hears of it within a
        // minute" means, and what a slow or failing receiver stretches.
        this.lag = Timer.builder("portal.webhooks.delivery.lag")
                .description("Time from an event to its delivery to a webhook endpoint").register(registry);
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.sequencer = sequencer;
        this.rows = rows;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.timeout = timeout;
        // Never follows a redirect: the admin chose the address, a receiver must not send the signed body elsewhere.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean allowsPrivateAddresses() {
        return allowPrivate;
    }

    /** One pass over every active endpoint whose next attempt is due. @return events delivered */
    int deliverDue() {
        sequencer.sequence();
        int delivered = 0;
        for (WebhookRows.Endpoint endpoint : rows.due(clock.instant())) {
            delivered += deliver(endpoint);
        }
        return delivered;
    }

    private int deliver(WebhookRows.Endpoint endpoint) {
        int delivered = 0;
        long cursor = endpoint.lastSequence();
        int attempts = endpoint.attempts();
        for (OutboundEvent event : events.after(cursor, BATCH)) {
            Optional<String> failure = post(endpoint, event);
            if (failure.isEmpty()) {
                if (!rows.advance(endpoint.id(), cursor, event.sequence(), clock.instant())) {
                    return delivered;
                }
                delivered++;
                lag.record(Duration.between(event.occurredAt(), clock.instant()));
                cursor = event.sequence();
                attempts = 0;
                continue;
            }
            attempts++;
            if (attempts >= maxAttempts) {
                giveUp(endpoint, event, attempts, failure.get(), cursor);
                cursor = event.sequence();
                attempts = 0;
                continue;
            }
            rows.failed(endpoint.id(), cursor, attempts, failure.get(), clock.instant().plus(backoff(attempts)));
            return delivered;
        }
        return delivered;
    }

    /** The dead letter, the cursor past it and the audit row commit together, or none of them. */
    private void giveUp(WebhookRows.Endpoint endpoint, OutboundEvent event, int attempts, String error, long cursor) {
        tx.executeWithoutResult(status -> {
            if (!rows.advance(endpoint.id(), cursor, event.sequence(), clock.instant())) {
                return;
            }
            rows.deadLetter(endpoint.id(), event.sequence(), attempts, error, clock.instant());
            audit.recordWithin(SystemTask.ACTOR, Role.SYSTEM, null, null, null, AuditAction.WEBHOOK_DEAD_LETTERED,
                    event.type() + " " + event.eventId() + " to endpoint " + endpoint.id() + " (" + endpoint.url()
                            + ") after " + attempts + " attempts: " + error);
        });
        log.warn("Webhook endpoint {} did not take event {} after {} attempts: {}", endpoint.id(), event.eventId(),
                attempts, error);
    }

    /** The wait after the {@code attempts}-th failure: the first backoff, doubled each time, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** The body every endpoint gets for an event: the event's fields and its payload as a JSON object. */
    String body(OutboundEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("sequence", event.sequence());
        body.put("eventId", event.eventId().toString());
        body.put("type", event.type().name());
        body.put("aggregateType", event.aggregateType().name());
        body.put("aggregateId", event.aggregateId());
        body.put("occurredAt", event.occurredAt().toString());
        body.set("payload", json.readTree(event.payload()));
        return json.writeValueAsString(body);
    }

    /** Posts one event; empty when the endpoint took it, else why not (never the secret). */
    Optional<String> post(WebhookRows.Endpoint endpoint, OutboundEvent event) {
        URI uri = URI.create(endpoint.url());
        Optional<String> refused = WebhookAddresses.refusedHost(uri, allowPrivate);
        if (refused.isPresent()) {
            return refused;
        }
        String body = body(event);
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "BorrowerPortal-Webhooks/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, event.eventId().toString())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, event.type().name())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secrets.reveal(endpoint.id(), endpoint.secret()), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

}

package io.borrowerportal.outbox;

import java.time.Instant;

/**
 * A webhook endpoint as the console shows it; never its secret.
 *
 * @param lastSequence the last event it took (or gave up on): deliveries go on from the one after
 * @param attempts     failed attempts at the event after {@code lastSequence}, 0 when none failed
 * @param lastError    why the last attempt failed, or null
 */
public record WebhookEndpointSummary(long id, String url, String description, boolean active, long lastSequence,
                                     int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
                                     String createdBy) {
}

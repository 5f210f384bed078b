package io.borrowerportal.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event an endpoint did not take after the last attempt, waiting for an admin's Retry. */
public record DeadLetter(long id, long endpointId, String endpointUrl, long sequence, UUID eventId, EventType type,
                         String aggregateId, int attempts, String lastError, Instant deadAt) {
}

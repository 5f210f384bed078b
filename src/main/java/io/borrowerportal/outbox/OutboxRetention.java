package io.borrowerportal.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes outbound events older than {@code portal.outbox.retention} (decision 035), a small batch per statement
 * so no delete holds many row locks, and never an event an active webhook endpoint still needs: one after its
 * cursor (not yet taken or given up on), or one of its dead letters not yet retried. The feed's reader is not
 * known to the portal: pulling within the retention is its duty. Its cursor keeps working across a deletion, since
 * the feed serves the events after the cursor, whichever remain; sequence numbers are never given again.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH = 500;

    private final OutboxEvents events;
    private final Clock clock;
    private final Duration retention;

    OutboxRetention(OutboxEvents events, Clock clock,
                    @Value("${portal.outbox.retention:P90D}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalStateException("portal.outbox.retention must be at least one day (P1D), not " + retention
                    + ": the servicing system's feed reader and the webhooks need time to take each event.");
        }
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return how many events were deleted */
    int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        List<Long> batch;
        do {
            // Read again for every batch: an endpoint's cursor only moves on, so each read is at least as permissive.
            long takenByEveryEndpoint = events.takenByEveryActiveEndpoint();
            batch = events.expired(cutoff, takenByEveryEndpoint, BATCH);
            if (!batch.isEmpty()) {
                deleted += events.delete(batch, takenByEveryEndpoint);
            }
        } while (batch.size() == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} outbound events that occurred before {} (retention {})", deleted, cutoff, retention);
        }
        return deleted;
    }
}

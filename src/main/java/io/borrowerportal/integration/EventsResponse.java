package io.borrowerportal.integration;

import io.borrowerportal.outbox.EventPage;
import io.borrowerportal.outbox.OutboundEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the event feed, oldest first; {@code next} is the cursor to ask with next time (the last event's
 * sequence, or the cursor asked with when the page is empty). Delivery is at least once: de-duplicate on
 * {@code eventId}.
 */
public record EventsResponse(List<Event> events, @Schema(description = "The cursor to ask with next time") long next) {

    /** One event; {@code payload} is the event's JSON object as written with the change. */
    public record Event(long sequence, @Schema(description = "The same on every delivery: de-duplicate on it") UUID eventId, @Schema(description = "e.g. PAYMENT_PROCESSED") String type,
                        String aggregateType, @Schema(description = "What the event is about; a payment's confirmation number") String aggregateId,
                        Instant occurredAt, @Schema(description = "The event's JSON object") JsonNode payload) {
    }

    static EventsResponse of(EventPage page, JsonMapper json) {
        return new EventsResponse(page.events().stream().map(e -> event(e, json)).toList(), page.nextCursor());
    }

    private static Event event(OutboundEvent event, JsonMapper json) {
        return new Event(event.sequence(), event.eventId(), event.type().name(), event.aggregateType().name(),
                event.aggregateId(), event.occurredAt(), json.readTree(event.payload()));
    }
}

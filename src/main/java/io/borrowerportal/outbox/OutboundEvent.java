package io.borrowerportal.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as the feed and the webhooks publish it.
 *
 * @param sequence    the feed's cursor: events are served in this order, and a reader asks for those after the
 *                    last one it took
 * @param eventId     unique, the same on every delivery of the event: the receiver de-duplicates on it
 * @param aggregateId what the event is about (see {@link EventType.Aggregate}); a payment's confirmation number
 * @param payload     the event's JSON object, as written with the change
 */
public record OutboundEvent(long sequence, UUID eventId, EventType type, EventType.Aggregate aggregateType,
                            String aggregateId, Instant occurredAt, String payload) {
}

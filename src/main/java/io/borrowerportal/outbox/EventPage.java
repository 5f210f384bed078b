package io.borrowerportal.outbox;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param nextCursor what to ask for next: the last event's sequence, or the cursor asked with when the page is
 *                   empty
 */
public record EventPage(List<OutboundEvent> events, long nextCursor) {

    public EventPage {
        events = List.copyOf(events);
    }
}

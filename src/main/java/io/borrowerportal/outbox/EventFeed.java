package io.borrowerportal.outbox;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed the servicing system pulls ({@code GET /api/v1/events?after=<cursor>}, served by the integration
 * module): events in sequence order after a cursor. At least once: a reader that loses its place asks again
 * with the last cursor it stored and gets the same events, with the same ids to de-duplicate on. Events are
 * numbered in commit order before every read (decision 029), so a reader never passes an event that commits
 * later; only an event's own transaction being open delays it.
 * Customers never read it; the API's own chain decides which clients may (its key's scope).
 */
@Service
@PreAuthorize("isAuthenticated() and !hasRole('CUSTOMER')")
public class EventFeed {

    public static final int MAX_LIMIT = 1_000;

    private final OutboxEvents events;
    private final OutboxSequencer sequencer;

    EventFeed(OutboxEvents events, OutboxSequencer sequencer) {
        this.events = events;
        this.sequencer = sequencer;
    }

    /**
     * Up to {@code limit} events with a sequence above {@code cursor}, oldest first.
     *
     * @param cursor 0 for the beginning, else the {@link EventPage#nextCursor()} of the page before
     * @param limit  1 to {@value #MAX_LIMIT}; outside, it is brought into that range
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public EventPage after(long cursor, int limit) {
        if (cursor < 0) {
            throw new IllegalArgumentException("The cursor is 0 or a sequence number from the feed");
        }
        int capped = Math.clamp(limit, 1, MAX_LIMIT);
        sequencer.sequence();
        var page = events.after(cursor, capped);
        return new EventPage(page, page.isEmpty() ? cursor : page.getLast().sequence());
    }

    /**
     * The cursor of the newest event: a reader that starts now (a new webhook endpoint, a servicer that took a
     * full copy by other means) asks for the events after it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long latestCursor() {
        sequencer.sequence();
        return events.lastSequence();
    }
}

package io.borrowerportal.outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a feature writes what it originated for the servicing system. {@link #record} joins the caller's
 * transaction and refuses to run without one: an event is written with the change it describes, and a change
 * rolled back leaves no event (decision 029). Payloads are the features' records, written as JSON.
 */
@Service
public class Outbox {

    /** A payload larger than this is a mistake (a file's content, a ledger): events describe, they do not carry. */
    static final int MAX_PAYLOAD_CHARS = 16_000;

    private final OutboxEvents events;
    private final Clock clock;
    /** The portal's own mapper, not the web's: the published format must not change with an MVC setting. */
    private final JsonMapper json = JsonMapper.builder().build();

    Outbox(OutboxEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes an event in the caller's transaction.
     *
     * @param aggregateId what it is about, as {@link EventType.Aggregate} says (a payment's confirmation number)
     * @param payload     a record (or map) written as a JSON object; never a full card or account number, a CVV or
     *                    a password: a field named like one is refused, and the caller's change with it; a
     *                    card-length run of digits in a string (a customer's text) is kept as its last four
     * @return the event's id, which the receiver de-duplicates on
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(EventType type, String aggregateId, Object payload) {
        Objects.requireNonNull(type, "type");
        if (aggregateId == null || aggregateId.isBlank() || aggregateId.length() > 64) {
            throw new IllegalArgumentException("An event needs an aggregate id of 1 to 64 characters");
        }
        JsonNode tree = json.valueToTree(Objects.requireNonNull(payload, "payload"));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("An event's payload is a JSON object");
        }
        JsonNode publishable;
        try {
            publishable = PayloadGuard.publishable(tree);
        } catch (IllegalArgumentException problem) {
            // The message names the field, never its value.
            throw new IllegalArgumentException("Event " + type + " refused: " + problem.getMessage());
        }
        String text = json.writeValueAsString(publishable);
        if (text.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("Event " + type + " refused: payload of " + text.length() + " characters");
        }
        UUID eventId = UUID.randomUUID();
        events.insert(eventId, type, aggregateId, clock.instant(), text);
        return eventId;
    }
}

package io.borrowerportal.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code outbox_events} and {@code outbox_sequence} tables in plain SQL, like the email outbox: an insert
 * in the caller's transaction, a sequencing update and keyset reads, which an entity would only obscure.
 * Timestamps are UTC wall-clock time to the millisecond, as elsewhere.
 */
@Repository
class OutboxEvents {

    private final JdbcClient jdbc;
    /** For the sequencer's batched numbering, which JdbcClient has no batch for. */
    private final JdbcTemplate batch;

    OutboxEvents(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(UUID eventId, EventType type, String aggregateId, Instant occurredAt, String payload) {
        jdbc.sql("""
                        INSERT INTO outbox_events (event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload)
                        VALUES (:eventId, :type, :aggregateType, :aggregateId, :occurredAt, :payload)""")
                .param("eventId", eventId.toString())
                .param("type", type.name())
                .param("aggregateType", type.aggregate().name())
                .param("aggregateId", aggregateId)
                .param("occurredAt", utc(occurredAt))
                .param("payload", payload)
                .update();
    }

    boolean anyUnsequenced() {
        return jdbc.sql("SELECT id FROM outbox_events WHERE sequence_no IS NULL LIMIT 1").query(Long.class)
                .optional().isPresent();
    }

    /** Locks the counter row: every sequencer on every node waits here for the one before it to commit. */
    long lockLastSequence() {
        return jdbc.sql("SELECT last_sequence FROM outbox_sequence WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    /** Committed rows without a sequence number yet, in insertion order. */
    List<Long> unsequenced(int limit) {
        return jdbc.sql("SELECT id FROM outbox_events WHERE sequence_no IS NULL ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Numbers the rows in the order given, from {@code first}: one batch of statements, not one round trip each. */
    void assign(List<Long> ids, long first) {
        List<Object[]> rows = new ArrayList<>(ids.size());
        long next = first;
        for (long id : ids) {
            rows.add(new Object[] {next++, id});
        }
        batch.batchUpdate("UPDATE outbox_events SET sequence_no = ? WHERE id = ? AND sequence_no IS NULL", rows);
    }

    void saveLastSequence(long sequence) {
        jdbc.sql("UPDATE outbox_sequence SET last_sequence = :sequence WHERE id = 1").param("sequence", sequence).update();
    }

    long lastSequence() {
        return jdbc.sql("SELECT last_sequence FROM outbox_sequence WHERE id = 1").query(Long.class).single();
    }

    List<OutboundEvent> after(long cursor, int limit) {
        return jdbc.sql("""
                        SELECT sequence_no, event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload
                        FROM outbox_events WHERE sequence_no > :cursor ORDER BY sequence_no LIMIT :limit""")
                .param("cursor", cursor)
                .param("limit", limit)
                .query(OutboxEvents::event)
                .list();
    }

    Optional<OutboundEvent> at(long sequence) {
        return jdbc.sql("""
                        SELECT sequence_no, event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload
                        FROM outbox_events WHERE sequence_no = :sequence""")
                .param("sequence", sequence)
                .query(OutboxEvents::event)
                .optional();
    }

    /**
     * The highest sequence every active webhook endpoint has taken or given up on (the lowest of their cursors);
     * {@link Long#MAX_VALUE} when no endpoint is active.
     */
    long takenByEveryActiveEndpoint() {
        Long lowest = jdbc.sql("SELECT MIN(last_sequence) FROM webhook_endpoints WHERE active = TRUE")
                .query(Long.class).optional().orElse(null);
        return lowest == null ? Long.MAX_VALUE : lowest;
    }

    /**
     * Up to {@code limit} events, oldest first, that occurred before {@code cutoff}, that every active endpoint
     * took ({@code upTo}) and that are no open dead letter of an active endpoint (an admin may still retry it).
     */
    List<Long> expired(Instant cutoff, long upTo, int limit) {
        return jdbc.sql("""
                        SELECT e.id FROM outbox_events e
                        WHERE e.occurred_at < :cutoff AND e.sequence_no IS NOT NULL AND e.sequence_no <= :upTo
                          AND NOT EXISTS (SELECT 1 FROM webhook_dead_letters d
                                          JOIN webhook_endpoints w ON w.id = d.endpoint_id
                                          WHERE d.sequence_no = e.sequence_no AND d.resolved_at IS NULL
                                            AND w.active = TRUE)
                        ORDER BY e.occurred_at, e.id LIMIT :limit""")
                .param("cutoff", utc(cutoff))
                .param("upTo", upTo)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    int delete(List<Long> ids, long upTo) {
        return jdbc.sql("DELETE FROM outbox_events WHERE id IN (:ids) AND sequence_no <= :upTo")
                .param("ids", ids)
                .param("upTo", upTo)
                .update();
    }

    private static OutboundEvent event(ResultSet rs, int row) throws SQLException {
        return new OutboundEvent(rs.getLong("sequence_no"), UUID.fromString(rs.getString("event_id")),
                EventType.valueOf(rs.getString("event_type")),
                EventType.Aggregate.valueOf(rs.getString("aggregate_type")), rs.getString("aggregate_id"),
                rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("payload"));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}

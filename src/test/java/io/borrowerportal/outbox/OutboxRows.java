package io.borrowerportal.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The outbox rows a test wrote, read straight from the table (tests share the database, so each looks only at
 * the rows about its own payment, AutoPay, profile or customer).
 */
public final class OutboxRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One row; {@code text} is the payload as stored, {@code payload} the same parsed. */
    public record Row(long id, Long sequence, String eventId, EventType type, String aggregateType, String aggregateId,
                      java.time.LocalDateTime occurredAt, String text, JsonNode payload) {
    }

    private OutboxRows() {
    }

    /** The events about one aggregate (a confirmation number, an AutoPay reference, an id), in insertion order. */
    public static List<Row> about(JdbcTemplate jdbc, EventType.Aggregate aggregate, String aggregateId) {
        return jdbc.query("""
                        select id, sequence_no, event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload
                        from outbox_events where aggregate_type = ? and aggregate_id = ? order by id""",
                (rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("sequence_no", Long.class),
                        rs.getString("event_id"), EventType.valueOf(rs.getString("event_type")),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getObject("occurred_at", java.time.LocalDateTime.class), rs.getString("payload"),
                        JSON.readTree(rs.getString("payload"))),
                aggregate.name(), aggregateId);
    }

    /** How many events hold this text in their payload (a loan number, say): to show a refused action wrote none. */
    public static int mentioning(JdbcTemplate jdbc, String text) {
        Integer count = jdbc.queryForObject("select count(*) from outbox_events where payload like ?", Integer.class,
                "%" + text + "%");
        return count == null ? 0 : count;
    }

    /** The types of the events about one aggregate, in order. */
    public static List<EventType> types(JdbcTemplate jdbc, EventType.Aggregate aggregate, String aggregateId) {
        return about(jdbc, aggregate, aggregateId).stream().map(Row::type).toList();
    }
}

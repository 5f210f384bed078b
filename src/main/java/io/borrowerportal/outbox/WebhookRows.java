package io.borrowerportal.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.borrowerportal.outbox.OutboxEvents.utc;

/**
 * The {@code webhook_endpoints} and {@code webhook_dead_letters} tables in plain SQL. Moving an endpoint's
 * cursor is a conditional update on the cursor it was read at, so two deliverers (a job that outlived its lock
 * and the next one) never both move it.
 */
@Repository
class WebhookRows {

    static final int MAX_ERROR = 500;

    /**
     * An endpoint as the deliverer needs it, its secret encrypted as stored ({@link WebhookSecrets#reveal});
     * {@link #toString()} leaves the secret out.
     */
    record Endpoint(long id, String url, String secret, boolean active, long lastSequence, int attempts) {
        @Override
        public String toString() {
            return "Endpoint[id=" + id + ", url=" + url + ", active=" + active + ", lastSequence=" + lastSequence
                    + ", attempts=" + attempts + "]";
        }
    }

    /** An endpoint's secret as stored: encrypted, or as shown when added before encryption (decision 035). */
    record StoredSecret(long endpointId, String stored) {
        @Override
        public String toString() {
            return "StoredSecret[endpointId=" + endpointId + "]";
        }
    }

    /** A dead letter with its endpoint's secret, for a retry. */
    record Letter(long id, Endpoint endpoint, long sequence, int attempts, boolean resolved) {
    }

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new endpoint, its secret still empty: the encrypted secret is bound to the id, which the insert gives. */
    long insert(String url, String description, long lastSequence, Instant now, String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (url, description, secret, active, last_sequence, attempts,
                                                       next_attempt_at, created_at, created_by)
                        VALUES (:url, :description, '', TRUE, :lastSequence, 0, :now, :now, :createdBy)""")
                .param("url", url)
                .param("description", description)
                .param("lastSequence", lastSequence)
                .param("now", utc(now))
                .param("createdBy", createdBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Replaces a secret as stored, if it is still {@code from}; false when another node replaced it first. */
    boolean replaceSecret(long id, String from, String to) {
        return jdbc.sql("UPDATE webhook_endpoints SET secret = :to WHERE id = :id AND secret = :from")
                .param("to", to)
                .param("id", id)
                .param("from", from)
                .update() == 1;
    }

    List<StoredSecret> secrets() {
        return jdbc.sql("SELECT id, secret FROM webhook_endpoints ORDER BY id")
                .query((rs, n) -> new StoredSecret(rs.getLong("id"), rs.getString("secret")))
                .list();
    }

    List<WebhookEndpointSummary> all() {
        return jdbc.sql("""
                        SELECT id, url, description, active, last_sequence, attempts, last_error, next_attempt_at,
                               created_at, created_by
                        FROM webhook_endpoints ORDER BY active DESC, id""")
                .query((rs, n) -> new WebhookEndpointSummary(rs.getLong("id"), rs.getString("url"),
                        rs.getString("description"), rs.getBoolean("active"), rs.getLong("last_sequence"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "next_attempt_at"),
                        instant(rs, "created_at"), rs.getString("created_by")))
                .list();
    }

    Optional<Endpoint> find(long id) {
        return jdbc.sql("SELECT id, url, secret, active, last_sequence, attempts FROM webhook_endpoints WHERE id = :id")
                .param("id", id)
                .query(WebhookRows::endpoint)
                .optional();
    }

    /** Active endpoints whose next attempt is due. */
    List<Endpoint> due(Instant now) {
        return jdbc.sql("""
                        SELECT id, url, secret, active, last_sequence, attempts FROM webhook_endpoints
                        WHERE active = TRUE AND next_attempt_at <= :now ORDER BY id""")
                .param("now", utc(now))
                .query(WebhookRows::endpoint)
                .list();
    }

    boolean deactivate(long id, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoints SET active = FALSE, deactivated_at = :now WHERE id = :id AND active = TRUE")
                .param("now", utc(now))
                .param("id", id)
                .update() == 1;
    }

    /** Moves the cursor past an event taken or given up on; false when someone else moved it first. */
    boolean advance(long id, long from, long to, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET last_sequence = :to, attempts = 0, last_error = NULL,
                                                     next_attempt_at = :now
                        WHERE id = :id AND last_sequence = :from""")
                .param("to", to)
                .param("now", utc(now))
                .param("id", id)
                .param("from", from)
                .update() == 1;
    }

    /** Counts a failed attempt at the event after {@code at} and sets when to try again. */
    boolean failed(long id, long at, int attempts, String error, Instant nextAttempt) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET attempts = :attempts, last_error = :error, next_attempt_at = :next
                        WHERE id = :id AND last_sequence = :at""")
                .param("attempts", attempts)
                .param("error", cut(error))
                .param("next", utc(nextAttempt))
                .param("id", id)
                .param("at", at)
                .update() == 1;
    }

    void deadLetter(long endpointId, long sequence, int attempts, String error, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_dead_letters (endpoint_id, sequence_no, attempts, last_error, dead_at)
                        VALUES (:endpointId, :sequence, :attempts, :error, :now)""")
                .param("endpointId", endpointId)
                .param("sequence", sequence)
                .param("attempts", attempts)
                .param("error", cut(error))
                .param("now", utc(now))
                .update();
    }

    /** Dead letters not retried successfully yet, newest first. */
    List<DeadLetter> openLetters(int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.endpoint_id, w.url, d.sequence_no, e.event_id, e.event_type, e.aggregate_id,
                               d.attempts, d.last_error, d.dead_at
                        FROM webhook_dead_letters d
                        JOIN webhook_endpoints w ON w.id = d.endpoint_id
                        JOIN outbox_events e ON e.sequence_no = d.sequence_no
                        WHERE d.resolved_at IS NULL ORDER BY d.dead_at DESC, d.id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new DeadLetter(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("url"),
                        rs.getLong("sequence_no"), UUID.fromString(rs.getString("event_id")),
                        EventType.valueOf(rs.getString("event_type")), rs.getString("aggregate_id"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "dead_at")))
                .list();
    }

    Optional<Letter> letter(long id) {
        return jdbc.sql("""
                        SELECT d.id, d.sequence_no, d.attempts, d.resolved_at,
                               w.id AS endpoint_id, w.url, w.secret, w.active, w.last_sequence, w.attempts AS endpoint_attempts
                        FROM webhook_dead_letters d JOIN webhook_endpoints w ON w.id = d.endpoint_id
                        WHERE d.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Letter(rs.getLong("id"),
                        new Endpoint(rs.getLong("endpoint_id"), rs.getString("url"), rs.getString("secret"),
                                rs.getBoolean("active"), rs.getLong("last_sequence"), rs.getInt("endpoint_attempts")),
                        rs.getLong("sequence_no"), rs.getInt("attempts"), rs.getObject("resolved_at") != null))
                .optional();
    }

    /** The letter was delivered by a retry; false when another retry got there first. */
    boolean resolve(long id, String by, Instant now) {
        return jdbc.sql("UPDATE webhook_dead_letters SET resolved_at = :now, resolved_by = :by WHERE id = :id AND resolved_at IS NULL")
                .param("now", utc(now))
                .param("by", by)
                .param("id", id)
                .update() == 1;
    }

    void retryFailed(long id, String error) {
        jdbc.sql("UPDATE webhook_dead_letters SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("error", cut(error))
                .param("id", id)
                .update();
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), rs.getBoolean("active"),
                rs.getLong("last_sequence"), rs.getInt("attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static String cut(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}

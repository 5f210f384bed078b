package io.borrowerportal.notification;

import io.borrowerportal.common.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The {@code email_outbox} table, in plain SQL rather than JPA: delivery is a sequence of conditional
 * single-row updates (claim, then mark), each committed on its own, which an entity would only obscure.
 * Timestamps are stored as UTC wall-clock time, as Hibernate stores them elsewhere
 * ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Repository
class EmailOutbox {

    static final int MAX_ERROR = 500;

    /** A row that may still need delivering. */
    record Pending(long id, String to, String subject, String body, EmailStatus status, int attempts) {
        @Override
        public String toString() {
            return "Pending[id=" + id + ", to=" + Masking.email(to) + ", status=" + status + ", attempts=" + attempts + "]";
        }
    }

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Emails still to deliver (queued, or failed with attempts left) and when the oldest of them was written. */
    record Backlog(long count, Instant oldest) {
    }

    Backlog backlog(int maxAttempts) {
        return jdbc.sql("""
                        SELECT COUNT(*), MIN(created_at) FROM email_outbox
                        WHERE status IN ('QUEUED', 'FAILED') AND attempts < :maxAttempts""")
                .param("maxAttempts", maxAttempts)
                .query((rs, i) -> {
                    LocalDateTime oldest = rs.getObject(2, LocalDateTime.class);
                    return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant(ZoneOffset.UTC));
                })
                .single();
    }

    long insert(OutgoingEmail email, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO email_outbox (recipient, subject, body, status, attempts, created_at, next_attempt_at, customer_id)
                        VALUES (:to, :subject, :body, 'QUEUED', 0, :now, :now, :customerId)""")
                .param("to", email.to())
                .param("subject", email.subject())
                .param("body", email.body())
                .param("now", utc(now))
                .param("customerId", email.customerId())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Pending> find(long id) {
        return jdbc.sql("SELECT id, recipient, subject, body, status, attempts FROM email_outbox WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts")))
                .optional();
    }

    /** Ids of the rows the dispatcher should try now, oldest first. */
    List<Long> due(Instant now, int maxAttempts, int limit) {
        return jdbc.sql("""
                        SELECT id FROM email_outbox
                        WHERE status IN ('QUEUED', 'FAILED') AND attempts < :maxAttempts AND next_attempt_at <= :now
                        ORDER BY created_at, id LIMIT :limit""")
                .param("maxAttempts", maxAttempts)
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a row for one delivery attempt: counts the attempt and pushes {@code next_attempt_at} out, so
     * neither the dispatcher (on any node) nor another after-commit delivery picks it up meanwhile. Only the
     * caller that saw {@code attemptsSeen}, after the row's backoff or lease has run out, wins; everyone else
     * gets false and leaves the row alone.
     */
    boolean claim(long id, int attemptsSeen, int maxAttempts, Instant now, Instant notBefore) {
        return jdbc.sql("""
                        UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = :notBefore
                        WHERE id = :id AND attempts = :attemptsSeen AND attempts < :maxAttempts
                          AND status IN ('QUEUED', 'FAILED') AND next_attempt_at <= :now""")
                .param("notBefore", utc(notBefore))
                .param("now", utc(now))
                .param("id", id)
                .param("attemptsSeen", attemptsSeen)
                .param("maxAttempts", maxAttempts)
                .update() == 1;
    }

    /**
     * Claims the first attempt of several rows just committed: each is taken only if no one has tried it yet
     * (the dispatcher or another node), exactly as {@link #claim} would, and the rows taken are returned.
     * The lease {@code notBefore} marks this claim's rows, so the read-back finds only them.
     */
    List<Pending> claimFirstAttempts(List<Long> ids, Instant now, Instant notBefore) {
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        UPDATE email_outbox SET attempts = 1, next_attempt_at = :notBefore
                        WHERE id IN (:ids) AND attempts = 0 AND status = 'QUEUED' AND next_attempt_at <= :now""")
                .param("notBefore", utc(notBefore))
                .param("now", utc(now))
                .param("ids", ids)
                .update();
        return jdbc.sql("""
                        SELECT id, recipient, subject, body, status, attempts FROM email_outbox
                        WHERE id IN (:ids) AND attempts = 1 AND status = 'QUEUED' AND next_attempt_at = :notBefore
                        ORDER BY id""")
                .param("ids", ids)
                .param("notBefore", utc(notBefore))
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts")))
                .list();
    }

    void deliveredAll(List<Long> ids, EmailStatus status, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE email_outbox SET status = :status, sent_at = :at, last_error = NULL WHERE id IN (:ids)")
                .param("status", status.name())
                .param("at", utc(at))
                .param("ids", ids)
                .update();
    }

    void delivered(long id, EmailStatus status, Instant at) {
        jdbc.sql("UPDATE email_outbox SET status = :status, sent_at = :at, last_error = NULL WHERE id = :id")
                .param("status", status.name())
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    void failed(long id, String error) {
        String text = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.sql("UPDATE email_outbox SET status = 'FAILED', last_error = :error WHERE id = :id")
                .param("error", text)
                .param("id", id)
                .update();
    }

    /** Newest first; {@code to} null means every recipient. */
    List<OutboxMessage> recent(String to, int limit) {
        String where = to == null ? "" : "WHERE recipient = :to ";
        var statement = jdbc.sql("SELECT id, recipient, subject, body, status, created_at, sent_at FROM email_outbox "
                        + where + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit);
        if (to != null) {
            statement = statement.param("to", to);
        }
        return statement.query(EmailOutbox::message).list();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), EmailStatus.valueOf(rs.getString("status")),
                instant(rs.getObject("created_at", LocalDateTime.class)),
                instant(rs.getObject("sent_at", LocalDateTime.class)));
    }

    /**
     * Milliseconds, as the columns store them. Truncated here, not by the database: H2 rounds, so a row
     * written at .1237 would read as .124 and not yet be due for a claim made at .1239.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

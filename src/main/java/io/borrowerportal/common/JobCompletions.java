package io.borrowerportal.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The business date each daily job last finished for ({@code job_completions}, decision 038). The node that ran the
 * job writes it; every node reads it for its metrics, so "today's AutoPay run has not happened" is the same answer
 * whichever node Prometheus asks. Jobs run under their ShedLock lock, one at a time, so the update-then-insert
 * below meets another writer only when a lock outlived its {@code lockAtMostFor}; the insert that loses then
 * updates instead.
 */
@Component
public class JobCompletions {

    public record Completion(LocalDate businessDate, Instant completedAt, Duration took) {
    }

    private final JdbcTemplate jdbc;

    JobCompletions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code job} finished its work for {@code businessDate}; an earlier date never replaces a later one. */
    public void completed(String job, LocalDate businessDate, Instant at, Duration took) {
        Object[] values = {Date.valueOf(businessDate), utc(at), took.toMillis(), job, Date.valueOf(businessDate)};
        String update = "UPDATE job_completions SET business_date = ?, completed_at = ?, duration_ms = ? "
                + "WHERE job = ? AND business_date <= ?";
        if (jdbc.update(update, values) > 0 || last(job).isPresent()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO job_completions (job, business_date, completed_at, duration_ms) VALUES (?, ?, ?, ?)",
                    job, Date.valueOf(businessDate), utc(at), took.toMillis());
        } catch (DuplicateKeyException another) {
            jdbc.update(update, values);
        }
    }

    /** The last completion of {@code job}; empty if it never completed. */
    public Optional<Completion> last(String job) {
        List<Completion> rows = jdbc.query(
                "SELECT business_date, completed_at, duration_ms FROM job_completions WHERE job = ?",
                (rs, i) -> new Completion(rs.getDate(1).toLocalDate(), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        Duration.ofMillis(rs.getLong(3))), job);
        return rows.stream().findFirst();
    }

    /** Instants are kept as UTC wall time, as everywhere else in the schema. */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

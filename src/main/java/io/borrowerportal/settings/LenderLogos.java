package io.borrowerportal.settings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The logo's bytes, by their SHA-256, apart from the settings row (V019). */
@Repository
class LenderLogos {

    private final JdbcTemplate jdbc;

    LenderLogos(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> content(String sha256) {
        return jdbc.query("select content from lender_logos where sha256 = ?",
                (rs, row) -> rs.getBytes(1), sha256).stream().findFirst();
    }

    /** Keeps the logo (once: a logo saved again is the same row) and removes every other. */
    void keepOnly(String sha256, String contentType, byte[] content, Instant now) {
        if (sha256 == null) {
            jdbc.update("delete from lender_logos");
            return;
        }
        Integer kept = jdbc.queryForObject("select count(*) from lender_logos where sha256 = ?", Integer.class, sha256);
        if (kept == null || kept == 0) {
            jdbc.update("insert into lender_logos (sha256, content_type, content, created_at) values (?, ?, ?, ?)",
                    sha256, contentType, content, Timestamp.from(now));
        }
        jdbc.update("delete from lender_logos where sha256 <> ?", sha256);
    }
}

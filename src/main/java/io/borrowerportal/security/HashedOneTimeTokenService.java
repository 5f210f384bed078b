package io.borrowerportal.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Spring Security's {@link OneTimeTokenService} for one {@link TokenPurpose}, keeping only each token's SHA-256
 * (Spring's own {@code JdbcOneTimeTokenService} stores the token itself, so anyone who reads the table could use
 * the links). A token is 32 random bytes; issuing one retires the subject's earlier unused tokens of the same
 * purpose; consuming is one conditional update, so a token works once even when two requests race.
 * Timestamps are stored as UTC wall-clock time, as Hibernate stores them elsewhere.
 */
final class HashedOneTimeTokenService implements OneTimeTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenPurpose purpose;
    private final JdbcClient jdbc;
    private final Clock clock;

    HashedOneTimeTokenService(TokenPurpose purpose, JdbcClient jdbc, Clock clock) {
        this.purpose = purpose;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(request.getExpiresIn());
        jdbc.sql("""
                        UPDATE one_time_tokens SET used_at = :now
                        WHERE purpose = :purpose AND subject = :subject AND used_at IS NULL""")
                .param("now", utc(now)).param("purpose", purpose.name()).param("subject", request.getUsername())
                .update();
        jdbc.sql("""
                        INSERT INTO one_time_tokens (purpose, token_hash, subject, created_at, expires_at)
                        VALUES (:purpose, :hash, :subject, :now, :expiresAt)""")
                .param("purpose", purpose.name()).param("hash", hash(value)).param("subject", request.getUsername())
                .param("now", utc(now)).param("expiresAt", utc(expiresAt))
                .update();
        return new DefaultOneTimeToken(value, request.getUsername(), expiresAt);
    }

    /** The token's subject when it is unused and unexpired, marking it used; null otherwise (Spring's contract). */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        String value = authenticationToken.getTokenValue();
        Optional<Row> row = find(value);
        if (row.isEmpty() || row.get().state(clock.instant()) != TokenState.VALID) {
            return null;
        }
        int taken = jdbc.sql("""
                        UPDATE one_time_tokens SET used_at = :now
                        WHERE id = :id AND used_at IS NULL AND expires_at > :now""")
                .param("now", utc(clock.instant())).param("id", row.get().id())
                .update();
        return taken == 1 ? new DefaultOneTimeToken(value, row.get().subject(), row.get().expiresAt()) : null;
    }

    /** What a link's token is now, without using it (the page shows its form only for a valid one). */
    TokenState state(String value) {
        return find(value).map(row -> row.state(clock.instant())).orElse(TokenState.UNKNOWN);
    }

    Optional<String> subject(String value) {
        return find(value).filter(row -> row.state(clock.instant()) == TokenState.VALID).map(Row::subject);
    }

    private Optional<Row> find(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, subject, expires_at, used_at FROM one_time_tokens WHERE token_hash = :hash AND purpose = :purpose")
                .param("hash", hash(value)).param("purpose", purpose.name())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("subject"),
                        rs.getObject("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject("used_at", LocalDateTime.class) != null))
                .optional();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Row(long id, String subject, Instant expiresAt, boolean used) {
        TokenState state(Instant now) {
            if (used) {
                return TokenState.USED;
            }
            return now.isBefore(expiresAt) ? TokenState.VALID : TokenState.EXPIRED;
        }
    }
}

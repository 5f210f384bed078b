package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest extends ServiceTest {

    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    @Test
    void a_link_works_once_and_is_then_used() {
        String subject = fresh();
        OneTimeToken token = inTransaction(() -> tokens.issue(TokenPurpose.PASSWORD_RESET, subject));
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, token.getTokenValue())).isEqualTo(TokenState.VALID);
        assertThat(tokens.peek(TokenPurpose.PASSWORD_RESET, token.getTokenValue())).contains(subject);

        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.PASSWORD_RESET, token.getTokenValue()))).contains(subject);
        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.PASSWORD_RESET, token.getTokenValue()))).isEmpty();
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, token.getTokenValue())).isEqualTo(TokenState.USED);
    }

    @Test
    void a_reset_link_expires_after_thirty_minutes_and_an_activation_link_after_seven_days() {
        String subject = fresh();
        OneTimeToken reset = inTransaction(() -> tokens.issue(TokenPurpose.PASSWORD_RESET, subject));
        OneTimeToken activation = inTransaction(() -> tokens.issue(TokenPurpose.ACTIVATION, subject));
        ((TestClock) clock).advance(Duration.ofMinutes(29));
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, reset.getTokenValue())).isEqualTo(TokenState.VALID);
        ((TestClock) clock).advance(Duration.ofMinutes(2));
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, reset.getTokenValue())).isEqualTo(TokenState.EXPIRED);
        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.PASSWORD_RESET, reset.getTokenValue()))).isEmpty();

        ((TestClock) clock).advance(Duration.ofDays(6).plusHours(23));
        assertThat(tokens.state(TokenPurpose.ACTIVATION, activation.getTokenValue())).isEqualTo(TokenState.VALID);
        ((TestClock) clock).advance(Duration.ofMinutes(30));
        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.ACTIVATION, activation.getTokenValue()))).isEmpty();
    }

    @Test
    void only_the_hash_is_stored_and_a_newer_link_retires_the_older_one() {
        String subject = fresh();
        OneTimeToken first = inTransaction(() -> tokens.issue(TokenPurpose.ACTIVATION, subject));
        OneTimeToken second = inTransaction(() -> tokens.issue(TokenPurpose.ACTIVATION, subject));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_tokens WHERE token_hash IN (:a, :b)")
                .param("a", first.getTokenValue()).param("b", second.getTokenValue()).query(Long.class).single())
                .as("no row holds a token itself").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_tokens WHERE token_hash = :h")
                .param("h", HashedOneTimeTokenService.hash(second.getTokenValue())).query(Long.class).single()).isOne();
        assertThat(tokens.state(TokenPurpose.ACTIVATION, first.getTokenValue())).isEqualTo(TokenState.USED);
        assertThat(tokens.state(TokenPurpose.ACTIVATION, second.getTokenValue())).isEqualTo(TokenState.VALID);
    }

    @Test
    void a_token_is_bound_to_its_purpose_and_an_unknown_one_is_refused() {
        String subject = fresh();
        OneTimeToken activation = inTransaction(() -> tokens.issue(TokenPurpose.ACTIVATION, subject));
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, activation.getTokenValue())).isEqualTo(TokenState.UNKNOWN);
        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.PASSWORD_RESET, activation.getTokenValue()))).isEmpty();
        assertThat(tokens.state(TokenPurpose.ACTIVATION, "not-a-token")).isEqualTo(TokenState.UNKNOWN);
        assertThat(inTransaction(() -> tokens.redeem(TokenPurpose.ACTIVATION, ""))).isEmpty();
        assertThat(tokens.state(TokenPurpose.ACTIVATION, activation.getTokenValue())).isEqualTo(TokenState.VALID);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> work.get());
    }

    private static String fresh() {
        return "token-" + UUID.randomUUID() + "@example.com";
    }
}

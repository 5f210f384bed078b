package io.borrowerportal.access;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.TokenState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.borrowerportal.access.AccessFixtures.GOOD_PASSWORD;
import static io.borrowerportal.access.AccessFixtures.awaitMail;
import static io.borrowerportal.access.AccessFixtures.mailTo;
import static io.borrowerportal.access.AccessFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordResetsTest extends ServiceTest {

    static final String NEW_PASSWORD = "seven purple lanterns drifting";

    @Autowired
    PasswordResets resets;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    @Test
    void a_reset_link_changes_the_password_ends_older_sessions_and_tells_the_owner() {
        AccessFixtures.Borrower ada = AccessFixtures.active(customers, servicing, "reset", GOOD_PASSWORD);
        Instant before = clock.instant();
        resets.request(ada.email());
        String body = awaitMail(ada.email(), AccessEmails.RESET_SUBJECT);
        assertThat(body).contains("30 minutes");
        assertThat(AccessFixtures.link(body, AccessNavigation.RESET_PASSWORD)).startsWith("http://localhost:8080/");
        String token = token(body, AccessNavigation.RESET_PASSWORD);

        assertThatThrownBy(() -> resets.reset(token, ada.email())).isInstanceOf(IllegalArgumentException.class);
        assertThat(resets.linkState(token)).isEqualTo(TokenState.VALID);

        resets.reset(token, NEW_PASSWORD);

        assertThat(authenticate(ada.email(), NEW_PASSWORD).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authenticate(ada.email(), GOOD_PASSWORD)).isInstanceOf(BadCredentialsException.class);
        // Every session signed in before now ends on its next request, on any node (SessionRevocationFilterTest).
        Instant validAfter = jdbc.sql("select sessions_valid_after from customers where id = :id").param("id", ada.id())
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).single();
        assertThat(validAfter).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(awaitMail(ada.email(), AccessEmails.PASSWORD_CHANGED_SUBJECT)).contains("Your password was changed");

        assertThat(resets.linkState(token)).isEqualTo(TokenState.USED);
        assertThatThrownBy(() -> resets.reset(token, "yet another fine passphrase"))
                .isInstanceOfSatisfying(AccessLinkRefusedException.class, e -> assertThat(e.state()).isEqualTo(TokenState.USED));
        assertThat(jdbc.sql("select action from audit_events where customer = :email").param("email", ada.email())
                .query(String.class).list()).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    void a_reset_link_expires_after_thirty_minutes() {
        AccessFixtures.Borrower ada = AccessFixtures.active(customers, servicing, "expire", GOOD_PASSWORD);
        resets.request(ada.email());
        String token = token(awaitMail(ada.email(), AccessEmails.RESET_SUBJECT), AccessNavigation.RESET_PASSWORD);
        ((TestClock) clock).advance(Duration.ofMinutes(31));
        assertThat(resets.linkState(token)).isEqualTo(TokenState.EXPIRED);
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD))
                .isInstanceOfSatisfying(AccessLinkRefusedException.class, e -> assertThat(e.state()).isEqualTo(TokenState.EXPIRED));
        assertThat(authenticate(ada.email(), GOOD_PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void an_unknown_email_gets_nothing_and_a_customer_who_never_activated_gets_an_activation_link() throws Exception {
        String stranger = "stranger-" + System.nanoTime() + "@example.com";
        resets.request(stranger);
        AccessFixtures.Borrower invited = AccessFixtures.invited(customers, servicing, "forgot-invited");
        resets.request(invited.email());
        assertThat(awaitMail(invited.email(), AccessEmails.INVITATION_SUBJECT)).contains(AccessNavigation.SET_FIRST_PASSWORD);
        Thread.sleep(300);
        assertThat(mailTo(stranger)).isEmpty();
        assertThat(jdbc.sql("select count(*) from one_time_tokens where subject = :s").param("s", stranger)
                .query(Long.class).single()).isZero();
    }

    /**
     * The answer for a known and an unknown email takes the same time: each request issues and hashes a link;
     * for nobody the transaction is rolled back. Alternating, 20 of each, after a warm-up.
     */
    @Test
    void forgot_password_answers_known_and_unknown_emails_in_the_same_time() {
        AccessFixtures.Borrower known = AccessFixtures.active(customers, servicing, "timing", GOOD_PASSWORD);
        String unknown = "nobody-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 5; i++) {
            resets.request(known.email());
            resets.request(unknown);
        }
        long knownNanos = 0;
        long unknownNanos = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            resets.request(known.email());
            long middle = System.nanoTime();
            resets.request(unknown);
            long end = System.nanoTime();
            knownNanos += middle - start;
            unknownNanos += end - middle;
        }
        double knownMs = knownNanos / 20 / 1e6;
        double unknownMs = unknownNanos / 20 / 1e6;
        System.out.printf("[timing] forgot password: known %.2f ms, unknown %.2f ms (mean of 20)%n", knownMs, unknownMs);
        assertThat(Math.abs(knownMs - unknownMs)).isLessThan(50.0);
        assertThat(mailTo(unknown)).isEmpty();
    }

    private Authentication authenticate(String email, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }
}

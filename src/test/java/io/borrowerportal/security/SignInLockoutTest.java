package io.borrowerportal.security;

import com.icegreen.greenmail.util.GreenMail;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.TestMailServer;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditQuery;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.notification.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ten failed sign-ins of one account within 30 minutes lock its sign-in for 15 minutes (decision 017), through
 * the real AuthenticationManager. Each test makes accounts of its own, so the demo users stay unlocked.
 */
class SignInLockoutTest extends ServiceTest {

    static final String PASSWORD = "right-password-1";
    static final String WRONG = "wrong-password-1";

    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    CustomerService customers;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    SignInLocks locks;
    @Autowired
    AuditService audit;
    @Autowired
    Mailer mailer;
    @Autowired
    PreviewService previews;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void nine_failed_sign_ins_do_not_lock_and_the_tenth_locks_even_the_right_password_out() throws Exception {
        String email = newEmail();
        long id = newCustomer(email);

        failTimes(email, 9);
        assertThat(signIn(email, PASSWORD).getPrincipal()).isInstanceOf(PortalUser.class);

        failTimes(email, 1);
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class)
                .hasMessage(SignInAuthenticationProvider.REFUSED);
        SignIn.as(users, "staff@example.com");
        SignInLockStatus status = locks.ofCustomer(id);
        assertThat(status.locked()).isTrue();
        assertThat(status.lockedUntil()).as("15 minutes from the tenth failure")
                .isBetween(clock.instant().plus(Duration.ofMinutes(14)), clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(status.failedAttempts()).isEqualTo(11);
        assertThat(audit.search(new AuditQuery(id, null, null, AuditAction.LOGIN_LOCKED, null, null, 10)))
                .singleElement().satisfies(event -> assertThat(event.detail()).contains(email, "10 failed attempts"));
    }

    @Test
    void the_lock_ends_after_fifteen_minutes_and_the_failures_before_it_no_longer_count() throws Exception {
        String email = newEmail();
        newCustomer(email);
        failTimes(email, 10);

        clock.advance(Duration.ofMinutes(14).plusSeconds(50));
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);

        clock.advance(Duration.ofSeconds(15));
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
        // Within 30 minutes of the ten, but they led to the lock that ended: one more failure does not lock again.
        failTimes(email, 1);
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Autowired
    AccessTokens tokens;

    @Test
    void the_owner_gets_exactly_one_email_when_the_lock_starts() throws Exception {
        String email = newEmail();
        long id = newCustomer(email);

        failTimes(email, 13);
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);

        SignIn.as(users, "admin@example.com");
        assertThat(mailer.recent(email, 10)).as("the outbox").singleElement()
                .satisfies(message -> assertThat(message.subject()).isEqualTo(SignInLockout.LOCK_EMAIL_SUBJECT));
        mailer.dispatchPending();
        GreenMail smtp = TestMailServer.server();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receivedBy(smtp, email).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<MimeMessage> received = receivedBy(smtp, email);
        assertThat(received).hasSize(1);
        String body = received.getFirst().getContent().toString();
        String until = locks.ofCustomer(id).lockedUntil().atZone(clock.getZone())
                .format(java.time.format.DateTimeFormatter.ofPattern("h:mm a z 'on' MMMM d, yyyy", java.util.Locale.US));
        assertThat(body).contains("locked until " + until, "Borrower Portal Lender")
                .doesNotContain(PASSWORD).doesNotContain(WRONG);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080/reset-password\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).as("a one-time reset link in " + body).isTrue();
        assertThat(tokens.state(TokenPurpose.PASSWORD_RESET, link.group(1))).isEqualTo(TokenState.VALID);
        assertThat(tokens.peek(TokenPurpose.PASSWORD_RESET, link.group(1))).contains(email);
    }

    @Autowired
    io.borrowerportal.access.PasswordResets resets;

    @Test
    void the_reset_link_in_the_lock_email_ends_the_lock_so_the_new_password_signs_in() throws Exception {
        String email = newEmail();
        long id = newCustomer(email);
        failTimes(email, 10);

        SignIn.as(users, "admin@example.com");
        assertThat(locks.ofCustomer(id).locked()).isTrue();
        String body = mailer.recent(email, 10).getFirst().body();
        SignIn.out();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        resets.reset(link.group(1), "a brand new lamp river");

        assertThat(signIn(email, "a brand new lamp river").isAuthenticated()).isTrue();
        SignIn.as(users, "admin@example.com");
        assertThat(locks.ofCustomer(id).locked()).isFalse();
    }

    @Test
    void staff_lift_the_lock_which_is_audited_with_their_name_and_signs_in_again() throws Exception {
        String email = newEmail();
        long id = newCustomer(email);
        failTimes(email, 10);

        SignIn.as(users, "staff@example.com");
        assertThat(locks.ofCustomer(id).locked()).isTrue();
        assertThat(locks.liftForCustomer(id)).isTrue();
        assertThat(locks.ofCustomer(id).locked()).isFalse();
        assertThat(locks.liftForCustomer(id)).as("nothing left to lift").isFalse();
        assertThat(audit.search(new AuditQuery(id, null, null, AuditAction.LOGIN_LOCK_LIFTED, null, null, 10)))
                .singleElement().satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("staff@example.com");
                    assertThat(event.customer()).isEqualTo(email);
                });
        SignIn.out();

        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void only_staff_outside_a_preview_see_or_lift_a_lock() {
        long jane = SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> locks.liftForCustomer(jane)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> locks.ofCustomer(jane)).isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, "staff@example.com");
        previews.start(jane, context -> { });
        assertThatThrownBy(() -> locks.liftForCustomer(jane)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void staff_accounts_are_locked_after_ten_failures_too() throws Exception {
        String email = newEmail();
        SystemTask.run(() -> staffDirectory.create(email, "Lock Tester", Role.STAFF, PASSWORD));

        failTimes(email, 10);

        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_failed_sign_in_keeps_the_typed_name_only_when_it_looks_like_an_email_and_stays_off_the_chain() {
        String typedPassword = "Tr0ub4dor&3-" + UUID.randomUUID();
        String email = newEmail();

        assertThatThrownBy(() -> signIn(typedPassword, WRONG)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("  " + email.toUpperCase() + " ", WRONG)).isInstanceOf(BadCredentialsException.class);

        assertThat(jdbc.queryForList("SELECT typed_name FROM sign_in_failures WHERE typed_name LIKE ?", String.class,
                "%" + typedPassword.substring(12) + "%")).isEmpty();
        assertThat(jdbc.queryForList("SELECT reason FROM sign_in_failures WHERE typed_name = ?", String.class, email))
                .containsExactly("UNKNOWN_ACCOUNT");
        assertThat(SignInLockout.typedNameForLog(typedPassword)).isEqualTo("(not an email)");
        SignIn.as(users, "admin@example.com");
        assertThat(audit.search(new AuditQuery(null, email, null, AuditAction.LOGIN_FAILED, null, null, 10))).isEmpty();
        assertThat(audit.search(new AuditQuery(null, "(not an email)", null, AuditAction.LOGIN_FAILED, null, null, 10)))
                .isEmpty();
    }

    private Authentication signIn(String email, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    private void failTimes(String email, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn(email, WRONG)).isInstanceOf(BadCredentialsException.class);
        }
    }

    static String newEmail() {
        return "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private long newCustomer(String email) {
        return SystemTask.call(() -> customers.create(email, "Lock", "Tester", null, PASSWORD));
    }

    private static List<MimeMessage> receivedBy(GreenMail smtp, String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO) != null
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}

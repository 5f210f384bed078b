package io.borrowerportal.notification;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.borrowerportal.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log-only mail mode (no spring.mail.host) writes the subject and a masked recipient, never the full address
 * or the body; every log line of the application is captured while a mail is "sent".
 */
class MailLoggingTest extends ServiceTest {

    @Autowired
    EmailOutbox outbox;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger content = (Logger) LoggerFactory.getLogger(Mailer.CONTENT_LOGGER);
    private Mailer logOnly;

    @BeforeEach
    void captureEveryLogLine() {
        captured.start();
        root.addAppender(captured);
        // Without a JavaMailSender bean, as in the embedded default.
        logOnly = new Mailer(outbox, new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class), clock,
                "no-reply@borrowerportal.example");
    }

    @AfterEach
    void stopCapturing() throws InterruptedException {
        root.detachAppender(captured);
        content.setLevel(null);
        logOnly.stopDelivering();
    }

    @Test
    void a_logged_mail_shows_its_subject_and_a_masked_recipient_but_never_the_address_or_the_body() throws Exception {
        String to = "jane.doe-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        logOnly.send(new OutgoingEmail(to, "Your statement is ready", "Dear Jane Doe, account 000123456789", null));
        String lines = linesOnceLogged(to);

        assertThat(lines).contains("to=j***@example.com").contains("subject=Your statement is ready");
        assertThat(lines).doesNotContain(to).doesNotContain("jane.doe-").doesNotContain("Dear Jane Doe")
                .doesNotContain("000123456789");
    }

    @Test
    void a_developer_reads_demo_mail_in_full_by_turning_on_debug_for_the_content_logger() throws Exception {
        content.setLevel(Level.DEBUG);
        String to = "sam.demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        logOnly.send(new OutgoingEmail(to, "Welcome", "Your sign-in link is below.", null));
        String lines = linesOnceLogged(to);

        assertThat(lines).contains("To: " + to).contains("Your sign-in link is below.");
    }

    /** Waits until the outbox row is LOGGED, then every line logged meanwhile, on any thread, as one text (under the appender's own lock). */
    private String linesOnceLogged(String to) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!List.of("LOGGED").equals(jdbc.queryForList("select status from email_outbox where recipient = ?",
                String.class, to))) {
            assertThat(Instant.now()).as("the mail was logged in time").isBefore(deadline);
            Thread.sleep(50);
        }
        StringBuilder all = new StringBuilder();
        synchronized (captured) {
            captured.list.forEach(event -> all.append(event.getFormattedMessage()).append('\n'));
        }
        return all.toString();
    }
}

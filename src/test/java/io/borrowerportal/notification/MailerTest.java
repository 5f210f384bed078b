package io.borrowerportal.notification;

import com.icegreen.greenmail.util.GreenMail;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailerTest extends ServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Mailer mailer;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final GreenMail smtp = TestMailServer.server();

    /**
     * Mail queued by earlier test classes (an AutoPay run queues hundreds) goes out first: the after-commit
     * delivery is one thread and the dispatcher sends the oldest first. Sent now, so each test here waits only
     * for its own mail and the dispatcher's batch holds only this test's rows, whatever ran before.
     */
    @BeforeEach
    void sendWhatEarlierTestsQueued() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!outbox.due(clock.instant(), Mailer.MAX_ATTEMPTS, 1).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Mail queued before this test was still not sent after 3 minutes");
            }
            if (mailer.dispatchPending() == 0) {
                Thread.sleep(25);
            }
        }
    }

    @Test
    void a_mail_sent_in_a_committed_transaction_arrives_over_smtp() throws Exception {
        String to = recipient("committed");
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                mailer.send(new OutgoingEmail(to, "Your payment was received", "Thank you.\nLine two: äöü €", 1L)));

        MimeMessage received = await(() -> receivedBy(to), list -> !list.isEmpty()).getFirst();
        assertThat(received.getSubject()).isEqualTo("Your payment was received");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo("Thank you.\nLine two: äöü €");
        assertThat(received.getFrom()[0].toString()).isEqualTo("no-reply@borrowerportal.example");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(to);

        SignIn.as(users, "admin@example.com");
        OutboxMessage row = await(() -> mailer.recent(to, 10), rows -> rows.size() == 1 && rows.getFirst().status() == EmailStatus.SENT).getFirst();
        assertThat(row.sentAt()).isBetween(row.createdAt(), clock.instant());
        assertThat(row.body()).isEqualTo("Thank you.\nLine two: äöü €");
    }

    @Test
    void a_mail_queued_in_a_transaction_that_rolls_back_is_never_stored_or_sent() {
        String to = recipient("rolled-back");
        Integer seenInside = new TransactionTemplate(transactions).execute(tx -> {
            mailer.send(new OutgoingEmail(to, "Payment scheduled", "body", null));
            tx.setRollbackOnly();
            return jdbc.queryForObject("select count(*) from email_outbox where recipient = ?", Integer.class, to);
        });
        assertThat(seenInside).as("the row is written in the caller's transaction").isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from email_outbox where recipient = ?", Integer.class, to)).isZero();
        mailer.dispatchPending();
        assertThat(receivedBy(to)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign.example.com", "two@@example.com", "a@b@example.com",
            "victim@example.com\r\nBcc: everyone@example.com", "victim@example.com\nX: y", "a@example.com, b@example.com",
            "Jane <jane@example.com>", "jane @example.com", "@example.com", "jane@"})
    void a_recipient_that_is_not_one_plain_address_is_refused(String to) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail(to, "Subject", "body", null));
    }

    @Test
    void a_subject_that_could_add_a_header_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new OutgoingEmail("jane@example.com", "Hello\r\nBcc: everyone@example.com", "body", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail(null, "Subject", "body", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("jane@example.com", "Subject", null, null));
    }

    @Test
    void a_mail_the_smtp_server_refuses_is_marked_failed_and_retried_after_its_backoff() throws Exception {
        String to = recipient("refused");
        // The first attempt goes to a server that refuses service (SMTP 554); the shared GreenMail and the
        // application context stay as they are. The retry is the real Mailer's, to GreenMail.
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            JavaMailSenderImpl refused = new JavaMailSenderImpl();
            refused.setHost("127.0.0.1");
            refused.setPort(refusing.port());
            Mailer firstAttempt = new Mailer(outbox, beanProvider(refused), clock, "no-reply@borrowerportal.example");
            try {
                firstAttempt.send(new OutgoingEmail(to, "Statement ready", "Your statement is ready.", null));
                await(() -> jdbc.queryForList("select status from email_outbox where recipient = ?", String.class, to),
                        List.of("FAILED")::equals);
            } finally {
                firstAttempt.stopDelivering();
            }
        }
        long id = jdbc.queryForObject("select id from email_outbox where recipient = ?", Long.class, to);
        assertThat(jdbc.queryForObject("select attempts from email_outbox where id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_error from email_outbox where id = ?", String.class, id)).contains("554");
        assertThat(receivedBy(to)).isEmpty();

        // Within its backoff the dispatcher leaves it alone...
        mailer.dispatchPending();
        assertThat(jdbc.queryForObject("select attempts from email_outbox where id = ?", Integer.class, id)).isEqualTo(1);

        // ...and once the backoff has passed, it delivers it.
        jdbc.update("update email_outbox set next_attempt_at = created_at where id = ?", id);
        mailer.dispatchPending();
        assertThat(receivedBy(to)).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Statement ready"));
        assertThat(jdbc.queryForObject("select status from email_outbox where id = ?", String.class, id)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select attempts from email_outbox where id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select last_error from email_outbox where id = ?", String.class, id)).isNull();
    }

    @Test
    void a_mail_is_not_retried_after_the_last_attempt() {
        String to = recipient("given-up");
        long id = outbox.insert(new OutgoingEmail(to, "Subject", "body", null), clock.instant());
        jdbc.update("update email_outbox set status = 'FAILED', attempts = ? where id = ?", Mailer.MAX_ATTEMPTS, id);

        assertThat(mailer.deliver(id)).isFalse();
        mailer.dispatchPending();
        assertThat(jdbc.queryForObject("select attempts from email_outbox where id = ?", Integer.class, id)).isEqualTo(Mailer.MAX_ATTEMPTS);
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void a_message_claimed_by_one_delivery_is_not_sent_by_another() {
        String to = recipient("claimed");
        long id = outbox.insert(new OutgoingEmail(to, "Subject", "body", null), clock.instant());
        assertThat(outbox.claim(id, 0, Mailer.MAX_ATTEMPTS, clock.instant(), clock.instant().plusSeconds(60))).isTrue();

        assertThat(outbox.claim(id, 0, Mailer.MAX_ATTEMPTS, clock.instant(), clock.instant().plusSeconds(60))).isFalse();
        assertThat(mailer.deliver(id)).as("the other claimant's lease has not run out").isFalse();
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void without_an_smtp_server_the_mail_is_logged_instead() throws Exception {
        String to = recipient("logged");
        // The shared context has an SMTP server; a Mailer without a JavaMailSender is the embedded default.
        Mailer logOnly = new Mailer(outbox, beanProvider(null), clock, "no-reply@borrowerportal.example");
        try {
            logOnly.send(new OutgoingEmail(to, "Welcome", "body", null));
            SignIn.as(users, "admin@example.com");
            OutboxMessage row = await(() -> mailer.recent(to, 10),
                    rows -> rows.size() == 1 && rows.getFirst().status() == EmailStatus.LOGGED).getFirst();
            assertThat(row.sentAt()).isBetween(row.createdAt(), clock.instant());
            assertThat(receivedBy(to)).isEmpty();
        } finally {
            logOnly.stopDelivering();
        }
    }

    @Test
    void several_mails_of_one_transaction_each_arrive_once_over_smtp() throws Exception {
        String to = recipient("several");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 1; i <= 3; i++) {
                mailer.send(new OutgoingEmail(to, "Notice " + i, "body " + i, null));
            }
        });

        List<MimeMessage> received = await(() -> receivedBy(to), list -> list.size() >= 3);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Notice 1", "Notice 2", "Notice 3");
        SignIn.as(users, "admin@example.com");
        await(() -> mailer.recent(to, 10), rows -> rows.size() == 3 && rows.stream().allMatch(r -> r.status() == EmailStatus.SENT));
        mailer.dispatchPending();
        assertThat(receivedBy(to)).as("never a second time").hasSize(3);
    }

    @Test
    void without_an_smtp_server_the_mails_of_one_transaction_are_logged_together() throws Exception {
        String to = recipient("logged-together");
        Mailer logOnly = new Mailer(outbox, beanProvider(null), clock, "no-reply@borrowerportal.example");
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                for (int i = 1; i <= 4; i++) {
                    logOnly.send(new OutgoingEmail(to, "Statement " + i, "body", null));
                }
            });
            SignIn.as(users, "admin@example.com");
            List<OutboxMessage> rows = await(() -> mailer.recent(to, 10),
                    list -> list.size() == 4 && list.stream().allMatch(r -> r.status() == EmailStatus.LOGGED));
            assertThat(rows).allSatisfy(r -> assertThat(r.sentAt()).isBetween(r.createdAt(), clock.instant()));
            assertThat(jdbc.queryForList("select attempts from email_outbox where recipient = ?", Integer.class, to))
                    .as("one attempt each").containsOnly(1);
            assertThat(receivedBy(to)).isEmpty();
        } finally {
            logOnly.stopDelivering();
        }
    }

    @Test
    void only_staff_read_the_outbox() {
        String to = recipient("read-by-staff");
        outbox.insert(new OutgoingEmail(to, "Payment scheduled", "body", null), clock.instant());
        SignIn.as(users, "jane.borrower@example.com");
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> mailer.recent(to, 10));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> mailer.recent(null, 10));
        SignIn.as(users, "staff@example.com");
        assertThat(mailer.recent(to, 10)).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(to);
            assertThat(m.subject()).isEqualTo("Payment scheduled");
        });
    }

    @Test
    void the_backoff_doubles_per_attempt_up_to_half_an_hour() {
        assertThat(Mailer.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Mailer.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Mailer.backoff(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(Mailer.backoff(7)).isEqualTo(Duration.ofMinutes(30));
    }

    /** The JavaMailSender Spring Boot would provide: this one, or none (no {@code spring.mail.host}). */
    private static ObjectProvider<JavaMailSender> beanProvider(JavaMailSender sender) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (sender != null) {
            beans.registerSingleton("mailSender", sender);
        }
        return beans.getBeanProvider(JavaMailSender.class);
    }

    /** Answers every connection with SMTP 554 (no service) and hangs up. */
    private static final class RefusingSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;

        RefusingSmtpServer() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().name("refusing-smtp").start(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        client.getOutputStream().write("554 5.3.2 No service here\r\n".getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        // closed: the test is over
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(Duration.ofSeconds(5));
        }
    }

    private static String recipient(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private List<MimeMessage> receivedBy(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO) != null
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits, boundedly, for background delivery to reach a state; fails with the last value seen. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not there after " + PATIENCE + ": " + value);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}

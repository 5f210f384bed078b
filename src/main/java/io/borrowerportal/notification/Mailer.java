package io.borrowerportal.notification;

import io.borrowerportal.common.Masking;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends email through the outbox. {@link #send} only stores the message, in the caller's transaction;
 * after that transaction commits, one background thread delivers it. Whatever that misses (a failure,
 * a full queue, a restart) the scheduled dispatcher retries through {@link #dispatchPending()}, with
 * backoff, up to {@link #MAX_ATTEMPTS} attempts. Delivery never throws into the business flow.
 * <p>
 * With {@code spring.mail.host} set, Spring Boot provides a {@link JavaMailSender} and messages go over
 * SMTP ({@link EmailStatus#SENT}); without it (the embedded default) they are written to the log
 * ({@link EmailStatus#LOGGED}): subject and masked recipient only, see {@link #CONTENT_LOGGER}.
 */
@Service
public class Mailer {

    public static final int MAX_ATTEMPTS = 5;
    /** Rows per dispatcher run; the rest wait for the next run. */
    static final int BATCH = 20;
    /** First attempts claimed per statement after a commit that queued many messages, when they are only logged. */
    private static final int CLAIM_CHUNK = 500;
    /** Backoff after the first attempt; doubled per attempt. Also the lease of a claimed row, so it must
     * exceed one SMTP attempt (connection, read and write timeouts are 10 s each, application.properties). */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    /** The logger that shows log-only mail in full when set to DEBUG; never used when SMTP is configured. */
    public static final String CONTENT_LOGGER = "portal.mail.content";

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Logger content = LoggerFactory.getLogger(CONTENT_LOGGER);

    private final EmailOutbox outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    private final String from;
    // One thread: mail volume is small, and SMTP servers prefer few connections. A full queue only
    // means the dispatcher delivers those messages instead.
    private final ThreadPoolExecutor afterCommit = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("email-outbox-", 0).daemon().factory(),
            new ThreadPoolExecutor.AbortPolicy());

    Mailer(EmailOutbox outbox, ObjectProvider<JavaMailSender> smtp, Clock clock,
           @Value("${portal.mail.from:no-reply@borrowerportal.example}") String from) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
        this.from = from;
    }

    /**
     * Queues an email in the caller's transaction: if that transaction rolls back, the email was never
     * there. Delivery starts after the commit.
     *
     * @throws IllegalArgumentException never for a valid {@link OutgoingEmail}; the record refuses bad input
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void send(OutgoingEmail email) {
        Objects.requireNonNull(email, "email");
        long id = outbox.insert(email, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommitOfThisTransaction().ids().add(id);
        } else {
            deliverSoon(List.of(id));
        }
    }

    /**
     * The delivery that starts when the current transaction commits, with every message it queued: a
     * transaction that queues many (a page of the AutoPay run) hands them to the delivery thread as one task.
     */
    private AfterCommit afterCommitOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AfterCommit pending && pending.mailer() == this) {
                return pending;
            }
        }
        AfterCommit pending = new AfterCommit(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private record AfterCommit(Mailer mailer, List<Long> ids) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            mailer.deliverSoon(List.copyOf(ids));
        }
    }

    /**
     * Delivers what is due now: queued rows the after-commit delivery missed and failed rows whose backoff
     * has passed. Runs outside any transaction so every claim and result is committed at once. Called by
     * the scheduler (as no user) and by tests and operators to flush synchronously.
     *
     * @return how many messages were sent or logged
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int dispatchPending() {
        int delivered = 0;
        for (long id : outbox.due(clock.instant(), MAX_ATTEMPTS, BATCH)) {
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** The latest outbox messages, newest first, for one recipient or ({@code to} null) for all. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN','SYSTEM','STAFF')")
    public List<OutboxMessage> recent(String to, int limit) {
        return outbox.recent(to == null || to.isBlank() ? null : to.trim(), Math.clamp(limit, 1, 1000));
    }

    private void deliverSoon(List<Long> ids) {
        try {
            afterCommit.execute(() -> {
                try {
                    deliverAll(ids);
                } catch (RuntimeException e) {
                    // The rows stay QUEUED or FAILED; the dispatcher tries again.
                    log.warn("{} emails could not be delivered after commit: {}", ids.size(),
                            Masking.emailsIn(e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("{} emails left for the dispatcher: the delivery queue is full or closed", ids.size());
        }
    }

    /**
     * First attempts of messages just committed. Over SMTP each one is claimed, sent and marked on its own: a
     * claim's lease must outlast its own delivery, and a slow server would outlast a whole chunk's. Without
     * SMTP (the embedded default writes them to the log) many are claimed together, one statement per chunk
     * instead of two per message, and marked together.
     */
    void deliverAll(List<Long> ids) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender != null || ids.size() == 1) {
            ids.forEach(this::deliver);
            return;
        }
        for (int from = 0; from < ids.size(); from += CLAIM_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CLAIM_CHUNK));
            Instant now = clock.instant();
            List<EmailOutbox.Pending> claimed = outbox.claimFirstAttempts(chunk, now, now.plus(backoff(1)));
            claimed.forEach(Mailer::logInsteadOfSending);
            outbox.deliveredAll(claimed.stream().map(EmailOutbox.Pending::id).toList(), EmailStatus.LOGGED,
                    clock.instant());
        }
    }

    /** One delivery attempt of one row; false when it failed or another thread or node had it. */
    boolean deliver(long id) {
        EmailOutbox.Pending email = outbox.find(id).orElse(null);
        if (email == null || email.attempts() >= MAX_ATTEMPTS
                || (email.status() != EmailStatus.QUEUED && email.status() != EmailStatus.FAILED)) {
            return false;
        }
        int attempt = email.attempts() + 1;
        Instant now = clock.instant();
        if (!outbox.claim(id, email.attempts(), MAX_ATTEMPTS, now, now.plus(backoff(attempt)))) {
            return false;
        }
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            logInsteadOfSending(email);
            outbox.delivered(id, EmailStatus.LOGGED, clock.instant());
            return true;
        }
        if (!sendOne(sender, email, attempt)) {
            return false;
        }
        outbox.delivered(id, EmailStatus.SENT, clock.instant());
        return true;
    }

    /**
     * The log-only mode's line: the subject and the recipient masked ({@code j***@example.com}), never the body,
     * which may hold personal data, nor the full address. A developer who wants to read the demo mail turns on
     * DEBUG for the {@value #CONTENT_LOGGER} logger (decision 020); it is only ever used without SMTP.
     */
    private static void logInsteadOfSending(EmailOutbox.Pending email) {
        log.info("Email not sent, no SMTP server configured (spring.mail.host): to={} subject={}",
                Masking.email(email.to()), email.subject());
        if (content.isDebugEnabled()) {
            content.debug("Email not sent, in full:\nTo: {}\nSubject: {}\n\n{}", email.to(), email.subject(), email.body());
        }
    }

    /** One message to the SMTP server; a refusal marks the row FAILED (retried after its backoff). */
    private boolean sendOne(JavaMailSender sender, EmailOutbox.Pending email, int attempt) {
        try {
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email.to());
                helper.setSubject(email.subject());
                helper.setText(email.body(), false);
            });
            return true;
        } catch (RuntimeException e) {
            // Only the SMTP call is guarded: a message the server took is never marked FAILED and resent.
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            outbox.failed(email.id(), error);
            // A server's refusal often quotes the recipient: the row keeps it, the log line does not.
            log.warn("Email {} attempt {} of {} failed: {}", email.id(), attempt, MAX_ATTEMPTS, Masking.emailsIn(error));
            return false;
        }
    }

    static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @PreDestroy
    void stopDelivering() throws InterruptedException {
        // Messages still in the queue stay QUEUED in the database; the next dispatcher run sends them.
        afterCommit.shutdown();
        afterCommit.awaitTermination(5, TimeUnit.SECONDS);
    }
}

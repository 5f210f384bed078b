package io.borrowerportal.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The email outbox as Prometheus sees it (decision 038): {@code portal_email_outbox_backlog} emails still to
 * deliver, and {@code portal_email_outbox_oldest_age_seconds}, how long the oldest of them has waited (0 when there
 * is none). Read from the table, so every node reports the same backlog, whichever node sends; one query serves
 * both gauges within a scrape.
 */
@Component
class EmailMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final EmailOutbox outbox;
    private final Clock clock;
    private volatile Reading last;

    private record Reading(EmailOutbox.Backlog backlog, Instant readAt) {
    }

    EmailMetrics(EmailOutbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("portal.email.outbox.backlog", this, metrics -> metrics.backlog().count())
                .description("Emails queued or failed with attempts left").register(registry);
        Gauge.builder("portal.email.outbox.oldest.age", this, EmailMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest email still to deliver has waited").register(registry);
    }

    double oldestAgeSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private EmailOutbox.Backlog backlog() {
        Instant now = clock.instant();
        Reading reading = last;
        if (reading == null || reading.readAt().plus(FRESH).isBefore(now)) {
            reading = new Reading(outbox.backlog(Mailer.MAX_ATTEMPTS), now);
            last = reading;
        }
        return reading.backlog();
    }
}

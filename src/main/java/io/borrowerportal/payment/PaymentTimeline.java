package io.borrowerportal.payment;

import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.ActorAudit;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a payment's transitions write their timeline: each named transition of {@link Payment} records its
 * step here as it happens, by whoever is acting, so a state change can never miss its line on the timeline.
 * The transitions the servicing system must hear of also write their outbound event here, in the same
 * transaction (decision 029).
 */
@Component
class PaymentTimeline {

    private final PaymentEventRepository events;
    private final ActorAudit audit;
    private final Clock clock;

    private final Outbox outbox;
    private final PaymentMetrics metrics;

    PaymentTimeline(PaymentEventRepository events, ActorAudit audit, Clock clock, Outbox outbox, PaymentMetrics metrics) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    Instant now() {
        return clock.instant();
    }

    void record(Payment payment, PaymentStatus status, String note) {
        events.save(new PaymentEvent(payment.id(), clock.instant(), status, note, audit.actorName()));
    }

    /** A step the servicing system hears of: its timeline line and its outbound event, in one transaction. */
    void record(Payment payment, PaymentStatus status, String note, EventType published) {
        record(payment, status, note);
        outbox.record(published, payment.confirmationNumber(), PaymentMessage.of(payment));
    }

    /** The payment has just entered its status: counted once the transaction commits. */
    void entered(Payment payment) {
        metrics.entered(payment.channel(), payment.status());
    }
}

package io.borrowerportal.payment;

import io.borrowerportal.security.ActorAudit;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a payment's transitions write their timeline: each named transition of {@link Payment} records its
 * step here as it happens, by whoever is acting, so a state change can never miss its line on the timeline.
 */
@Component
class PaymentTimeline {

    private final PaymentEventRepository events;
    private final ActorAudit audit;
    private final Clock clock;

    PaymentTimeline(PaymentEventRepository events, ActorAudit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    void record(Payment payment, PaymentStatus status, String note) {
        events.save(new PaymentEvent(payment.id(), clock.instant(), status, note, audit.actorName()));
    }
}

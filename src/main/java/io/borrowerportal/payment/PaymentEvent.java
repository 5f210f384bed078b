package io.borrowerportal.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One step in a payment's life, shown to the customer as its timeline. Append-only. */
@Entity
@Immutable
@Table(name = "payment_events")
class PaymentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long paymentId;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String note;
    private String actor;

    protected PaymentEvent() {
    }

    PaymentEvent(long paymentId, Instant occurredAt, PaymentStatus status, String note, String actor) {
        this.paymentId = paymentId;
        this.occurredAt = occurredAt;
        this.status = status;
        this.note = note.length() > 300 ? note.substring(0, 300) : note;
        this.actor = actor;
    }

    long paymentId() {
        return paymentId;
    }

    PaymentSummary.Step toStep() {
        return new PaymentSummary.Step(occurredAt, status, note);
    }
}

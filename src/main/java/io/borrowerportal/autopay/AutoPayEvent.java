package io.borrowerportal.autopay;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/** One change of an AutoPay, for its history on the AutoPay tab (the audit log has it too). */
@Entity
@Table(name = "autopay_events")
class AutoPayEvent {

    enum Action { SCHEDULED, CHANGED, PAUSED, RESUMED, CANCELLED, SUSPENDED, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long autopayId;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Action action;
    private String detail;
    private String actor;

    protected AutoPayEvent() {
    }

    AutoPayEvent(long autopayId, Instant occurredAt, Action action, String detail, String actor) {
        this.autopayId = autopayId;
        this.occurredAt = occurredAt;
        this.action = action;
        this.detail = detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.actor = actor;
    }

    long autopayId() { return autopayId; }

    String actor() { return actor; }

    /** @param by who made the change, as the viewer calls them ("You", "Co-borrower", "Automatic") */
    AutoPaySummary.Change toChange(String by) {
        return new AutoPaySummary.Change(occurredAt, action.name().charAt(0) + action.name().substring(1).toLowerCase(Locale.ROOT),
                detail, by);
    }
}

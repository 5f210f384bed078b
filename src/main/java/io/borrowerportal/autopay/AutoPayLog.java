package io.borrowerportal.autopay;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Logs every change of an AutoPay twice, in the change's transaction: in its own history (shown on the AutoPay
 * tab) and in the tamper-evident audit log, with the person acting (the customer, staff, or "system"). Every
 * authorization accepted is kept beside them. The servicing system hears of each change through the outbox, in the
 * same transaction (decision 029): scheduled, cancelled, and every other change (terms, pause, resume, suspension,
 * completion) as changed.
 */
@Component
class AutoPayLog {

    private final AutoPayEventRepository events;
    private final AutoPayAuthorizationRepository authorizations;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Outbox outbox;

    AutoPayLog(AutoPayEventRepository events, AutoPayAuthorizationRepository authorizations, AuditService audit,
               CurrentUser currentUser, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.events = events;
        this.authorizations = authorizations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Keeps the authorization just accepted for this AutoPay, beside every earlier one. */
    void authorized(AutoPay autopay, AutoPay.Authorization accepted) {
        authorizations.save(new AutoPayAuthorization(autopay.id(), accepted));
    }

    void record(AutoPay autopay, AutoPayEvent.Action action, String detail) {
        PortalUser actor = currentUser.actor().orElse(null);
        String actorName = actor == null ? SystemTask.ACTOR : actor.email();
        events.save(new AutoPayEvent(autopay.id(), clock.instant(), action, detail, actorName));
        String customer = currentUser.servedCustomer().filter(c -> c.id() == autopay.customerId())
                .map(PortalUser::email).orElse(null);
        audit.recordWithin(actorName, actor == null ? Role.SYSTEM : actor.role(), autopay.customerId(), customer,
                autopay.loanNumber(), AuditAction.valueOf("AUTOPAY_" + action.name()),
                autopay.reference() + ": " + detail);
        outbox.record(switch (action) {
            case SCHEDULED -> EventType.AUTOPAY_SCHEDULED;
            case CANCELLED -> EventType.AUTOPAY_CANCELLED;
            case CHANGED, PAUSED, RESUMED, SUSPENDED, COMPLETED -> EventType.AUTOPAY_CHANGED;
        }, autopay.reference(), AutoPayMessage.of(autopay, action));
    }
}

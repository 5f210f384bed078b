package io.borrowerportal.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 seconds, one node retries the outbox. The lock only saves duplicate work: the per-row claim
 * in {@link EmailOutbox#claim} already keeps two nodes from sending the same message.
 */
@Component
@ConditionalOnBooleanProperty(name = "portal.jobs.enabled", matchIfMissing = true)
class EmailOutboxJob {

    private final Mailer mailer;

    EmailOutboxJob(Mailer mailer) {
        this.mailer = mailer;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @SchedulerLock(name = "email-outbox-dispatch")
    public void dispatch() {
        mailer.dispatchPending();
    }
}

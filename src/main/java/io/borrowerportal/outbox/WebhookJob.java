package io.borrowerportal.outbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 10 seconds, one node delivers webhooks: one deliverer keeps each endpoint's events in order. The lock
 * (like the email outbox's) bounds a run to 10 minutes; a run that outlives it cannot move an endpoint's cursor
 * twice, since each move is conditional on the cursor it started from.
 */
@Component
@ConditionalOnBooleanProperty(name = "portal.jobs.enabled", matchIfMissing = true)
class WebhookJob {

    private final WebhookDelivery delivery;

    WebhookJob(WebhookDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT20S")
    @SchedulerLock(name = "webhook-delivery")
    public void deliver() {
        delivery.deliverDue();
    }
}

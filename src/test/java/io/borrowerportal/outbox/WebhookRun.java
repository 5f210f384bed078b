package io.borrowerportal.outbox;

import io.borrowerportal.security.SystemTask;
import org.springframework.context.ApplicationContext;

/**
 * One run of the webhook job for tests outside this package: jobs are off in the test context
 * ({@code portal.jobs.enabled=false}), so a test runs the job's work itself, as the scheduler would, as the system.
 */
public final class WebhookRun {

    private WebhookRun() {
    }

    /** What {@code WebhookJob.deliver()} does: one pass over every endpoint whose next attempt is due. */
    public static int deliverDue(ApplicationContext context) {
        WebhookDelivery delivery = context.getBean(WebhookDelivery.class);
        return SystemTask.call(delivery::deliverDue);
    }
}

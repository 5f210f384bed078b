package io.borrowerportal.outbox;

/** Where the webhooks page lives in the staff console. */
public final class WebhookNavigation {

    public static final String WEBHOOKS = "staff/webhooks";

    private WebhookNavigation() {
    }
}

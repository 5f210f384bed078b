package io.borrowerportal.outbox;

import io.borrowerportal.common.RefusedException;

/** A webhook endpoint or retry the rules refuse; the message is for the admin, beside its field. */
public class WebhookRefusedException extends RefusedException {

    public WebhookRefusedException(String field, String message) {
        super(field, message);
    }
}

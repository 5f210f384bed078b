package io.borrowerportal.notification;

/** Where an outbox message stands. */
public enum EmailStatus {
    /** Stored, not yet delivered. */
    QUEUED,
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server is configured (the embedded default): written to the log instead. */
    LOGGED,
    /** The last attempt failed; retried until {@link Mailer#MAX_ATTEMPTS} attempts. */
    FAILED
}

package io.borrowerportal.customer;

import java.time.Instant;

/**
 * Whether a customer receives statements and notices electronically: the consent in force (when, to which
 * disclosure version), or the time of the last withdrawal. Both instants are null for a customer who never chose.
 */
public record PaperlessStatus(boolean consented, Instant consentedAt, String disclosureVersion, Instant withdrawnAt) {

    static final PaperlessStatus NEVER = new PaperlessStatus(false, null, null, null);
}

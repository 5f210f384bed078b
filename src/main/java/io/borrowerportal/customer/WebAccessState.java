package io.borrowerportal.customer;

import java.time.Instant;

/**
 * Whether a customer may use the customer website at all, and the last switch: its reason, when and by whom
 * (null until staff first switched it).
 */
public record WebAccessState(long customerId, boolean on, String reason, Instant changedAt, String changedBy) {
}

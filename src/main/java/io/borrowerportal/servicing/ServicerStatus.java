package io.borrowerportal.servicing;

/**
 * The customer's status at the servicer, kept as sent. It is not the portal's sign-in status (invited, active,
 * locked), which the portal owns (decision 030).
 */
public enum ServicerStatus {
    ACTIVE,
    INACTIVE
}

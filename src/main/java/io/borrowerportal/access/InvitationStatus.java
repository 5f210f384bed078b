package io.borrowerportal.access;

import io.borrowerportal.customer.CustomerStatus;

import java.time.Instant;

/**
 * Where a customer stands with access, for the staff page: ACTIVE or LOCKED, or INVITED with the last activation
 * link's sending and expiry (both null when no link was ever sent).
 */
public record InvitationStatus(long customerId, CustomerStatus status, Instant invitedAt, Instant linkExpiresAt) {

    public boolean neverInvited() {
        return status == CustomerStatus.INVITED && invitedAt == null;
    }

    /** Staff may send a link (again) only to a customer who has not activated. */
    public boolean canInvite() {
        return status == CustomerStatus.INVITED;
    }
}

package io.borrowerportal.customer;

import java.time.Instant;

/** A customer as invitations see them: who, whether they activated, and when the last activation link went out. */
public record InvitationRecord(long id, String name, String email, CustomerStatus status, Instant invitedAt) {
}

package io.borrowerportal.security;

import java.time.Instant;

/**
 * A staff or admin user as the Users page shows them. Carries no password nor hash: admins manage access,
 * never credentials. {@code lastSignedInAt} is null until they first finish signing in (password and second
 * factor); {@code invitedAt} is when the last activation link went out (null for users made otherwise).
 */
public record StaffMember(long id, String name, String email, String role, StaffStatus status,
                          boolean secondFactorEnrolled, Instant lastSignedInAt, Instant invitedAt) {

    public boolean admin() {
        return Role.ADMIN.equals(role);
    }
}

package io.borrowerportal.security;

import io.borrowerportal.common.EmailAddresses;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "staff_users")
class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    /** Null while invited: the activation link sets the first one. */
    private String passwordHash;
    private String displayName;
    private String role;
    private boolean active;
    private Instant createdAt;
    private Instant sessionsValidAfter;
    private Instant invitedAt;
    private Instant lastSignedInAt;
    private Instant deactivatedAt;

    protected StaffUser() {
    }

    StaffUser(String email, String passwordHash, String displayName, String role, Instant createdAt) {
        this.email = EmailAddresses.keyOrNull(email);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.active = true;
        this.createdAt = createdAt;
    }

    /** Someone invited by an admin: no password until they use the activation link sent at {@code at}. */
    static StaffUser invited(String email, String displayName, String role, Instant at) {
        StaffUser user = new StaffUser(email, null, displayName, role, at);
        user.invitedAt = at;
        return user;
    }

    long id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    Instant invitedAt() {
        return invitedAt;
    }

    Instant lastSignedInAt() {
        return lastSignedInAt;
    }

    StaffStatus status() {
        if (!active) {
            return StaffStatus.DEACTIVATED;
        }
        return passwordHash == null ? StaffStatus.INVITED : StaffStatus.ACTIVE;
    }

    /** An admin who can sign in now: the ones the last-admin rule counts. */
    boolean activeAdmin() {
        return Role.ADMIN.equals(role) && status() == StaffStatus.ACTIVE;
    }

    /** A new password; every session signed in before {@code at} ends. */
    void changePassword(String newPasswordHash, Instant at) {
        passwordHash = newPasswordHash;
        sessionsValidAfter = at;
    }

    /** The activation link was used: the first password is set. */
    void activate(String firstPasswordHash) {
        passwordHash = firstPasswordHash;
    }

    void invitationSent(Instant at) {
        invitedAt = at;
    }

    /** A session keeps the role it signed in with, so a new role ends every session from before {@code at}. */
    void changeRole(String newRole, Instant at) {
        role = newRole;
        sessionsValidAfter = at;
    }

    /** No more sign-in; every session (on every node) ends at its next request. */
    void deactivate(Instant at) {
        active = false;
        deactivatedAt = at;
        sessionsValidAfter = at;
    }

    void reactivate() {
        active = true;
        deactivatedAt = null;
    }

    void signedIn(Instant at) {
        lastSignedInAt = at;
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, role, email, displayName, passwordHash, active, false);
    }
}

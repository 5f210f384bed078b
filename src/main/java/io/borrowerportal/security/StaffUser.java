package io.borrowerportal.security;

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
    private String passwordHash;
    private String displayName;
    private String role;
    private boolean active;
    private Instant createdAt;
    private Instant sessionsValidAfter;

    protected StaffUser() {
    }

    StaffUser(String email, String passwordHash, String displayName, String role, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.active = true;
        this.createdAt = createdAt;
    }

    String email() {
        return email;
    }

    String role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** A new password; every session signed in before {@code at} ends. */
    void changePassword(String newPasswordHash, Instant at) {
        passwordHash = newPasswordHash;
        sessionsValidAfter = at;
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, role, email, displayName, passwordHash, active, false);
    }
}

package io.borrowerportal.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One person's authenticator-app factor: pending until a first code confirms it, then in force. */
@Entity
@Table(name = "second_factors")
class SecondFactor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String ownerKind;
    private long ownerId;
    private String secretCipher;
    private Instant confirmedAt;
    private Long lastUsedStep;
    private int failedAttempts;
    private Instant createdAt;
    @Version
    private long version;

    protected SecondFactor() {
    }

    SecondFactor(String ownerKind, long ownerId, String secretCipher, Instant createdAt) {
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.secretCipher = secretCipher;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String secretCipher() {
        return secretCipher;
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    long lastUsedStep() {
        return lastUsedStep == null ? Long.MIN_VALUE : lastUsedStep;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    /** A new secret replaces an unconfirmed one (the person started enrolment again). */
    void replaceSecret(String cipher, Instant at) {
        if (confirmed()) {
            throw new IllegalStateException("A confirmed factor is reset, not replaced");
        }
        this.secretCipher = cipher;
        this.createdAt = at;
        this.lastUsedStep = null;
        this.failedAttempts = 0;
    }

    void confirm(long step, Instant at) {
        this.confirmedAt = at;
        accepted(step);
    }

    /** A right code: its step can never be used again, and the count of wrong codes starts over. */
    void accepted(long step) {
        this.lastUsedStep = step;
        this.failedAttempts = 0;
    }

    void recoveryCodeAccepted() {
        this.failedAttempts = 0;
    }

    /** @return the wrong codes in a row so far, this one included */
    int wrongCode() {
        return ++failedAttempts;
    }

    void clearFailures() {
        this.failedAttempts = 0;
    }
}

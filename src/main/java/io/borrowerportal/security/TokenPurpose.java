package io.borrowerportal.security;

import java.time.Duration;

/** What a single-use link is for, and how long it lives. */
public enum TokenPurpose {
    ACTIVATION(Duration.ofDays(7)),
    PASSWORD_RESET(Duration.ofMinutes(30)),
    EMAIL_CHANGE(Duration.ofHours(24));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}

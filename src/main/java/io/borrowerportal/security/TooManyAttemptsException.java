package io.borrowerportal.security;

import io.borrowerportal.common.RefusedException;

import java.time.Duration;

/**
 * Too many requests to one endpoint from one client address ({@link ClientRateLimits}). The message is for the
 * person: when to try again. Nothing was done.
 */
public class TooManyAttemptsException extends RefusedException {

    private final ClientRateLimits.Endpoint endpoint;
    private final Duration retryAfter;

    public TooManyAttemptsException(ClientRateLimits.Endpoint endpoint, Duration retryAfter) {
        super("Too many attempts. Please wait " + wait(retryAfter) + " and try again.");
        this.endpoint = endpoint;
        this.retryAfter = retryAfter;
    }

    public ClientRateLimits.Endpoint endpoint() {
        return endpoint;
    }

    /** How long until the next attempt would be let through. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String wait(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}

package io.borrowerportal.security;

import java.time.Instant;

/**
 * Whether an account's sign-in is locked after failed attempts, as staff see it.
 *
 * @param lockedUntil    when the lock ends, or null when sign-in is not locked
 * @param failedAttempts failed sign-ins within the counting window (30 minutes), whatever their reason
 */
public record SignInLockStatus(Instant lockedUntil, int failedAttempts) {

    public boolean locked() {
        return lockedUntil != null;
    }
}

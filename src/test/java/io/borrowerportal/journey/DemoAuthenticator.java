package io.borrowerportal.journey;

import io.borrowerportal.demo.DemoSecondFactors;
import io.borrowerportal.security.Base32;
import io.borrowerportal.security.Totp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticator app of the demo staff logins, in test code: the current code from the published demo secret.
 * The server accepts each code once, and journeys may sign the same person in twice within 30 seconds, so it
 * never hands out a step it handed out before: it takes the next step (accepted one step ahead), or waits.
 */
final class DemoAuthenticator {

    private static final Map<String, String> SECRETS = Map.of(
            "staff@example.com", DemoSecondFactors.STAFF_TOTP_SECRET,
            "admin@example.com", DemoSecondFactors.ADMIN_TOTP_SECRET);
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private DemoAuthenticator() {
    }

    static boolean has(String email) {
        return SECRETS.containsKey(email);
    }

    static synchronized String nextCode(String email) {
        byte[] key = Base32.decode(Optional.ofNullable(SECRETS.get(email)).orElseThrow());
        long step = Math.max(Totp.step(Instant.now()), LAST_STEP.getOrDefault(email, Long.MIN_VALUE) + 1);
        while (step > Totp.step(Instant.now()) + Totp.WINDOW) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(email, step);
        return Totp.code(key, step);
    }
}

package io.borrowerportal.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords as authenticator apps compute them (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1,
 * 30-second steps from the Unix epoch, 6 digits. Pure Java on the JDK's HMAC, so the RFC's test vectors test it
 * directly. The test code of the journeys uses it too, to type the demo staff's current code.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one, for clocks a little apart and codes typed late. */
    public static final int WINDOW = 1;

    private Totp() {
    }

    /** The 30-second step an instant falls in. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    /** HOTP of one step, zero-padded to {@code digits}. */
    public static String code(byte[] key, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String value = Long.toString(binary % modulus);
        return "0".repeat(digits - value.length()) + value;
    }

    /**
     * The step a typed code belongs to, if it matches one within {@link #WINDOW} of {@code now} that is newer
     * than {@code lastUsedStep}: a code already accepted, or an older one, never matches again (RFC 6238 5.2).
     */
    public static OptionalLong matchingStep(byte[] key, String typed, Instant now, long lastUsedStep) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long candidate = current - WINDOW; candidate <= current + WINDOW; candidate++) {
            // Every candidate is computed and compared in constant time, so timing tells nothing.
            boolean same = MessageDigest.isEqual(code(key, candidate).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && candidate > lastUsedStep) {
                return OptionalLong.of(candidate);
            }
        }
        return OptionalLong.empty();
    }

    /** The address authenticator apps read from the QR code or accept pasted ({@code otpauth://totp/...}). */
    public static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

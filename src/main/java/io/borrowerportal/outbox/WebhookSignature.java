package io.borrowerportal.outbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How a webhook delivery is signed (decision 029), for the receiver to check: {@code Portal-Signature} is
 * {@code v1=} and the lowercase hex of HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 bytes, as the
 * admin copied it), over the {@code Portal-Timestamp} header (Unix seconds), a dot, and the body's exact bytes.
 * The receiver recomputes it, compares in constant time, and refuses a timestamp more than five minutes off,
 * so a captured delivery cannot be replayed later; it de-duplicates on {@code Portal-Event-Id}.
 */
public final class WebhookSignature {

    public static final String EVENT_ID_HEADER = "Portal-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Portal-Event-Type";
    public static final String TIMESTAMP_HEADER = "Portal-Timestamp";
    public static final String SIGNATURE_HEADER = "Portal-Signature";
    public static final String VERSION = "v1=";

    private WebhookSignature() {
    }

    /** {@code v1=<hex>} of HMAC-SHA256(secret, timestamp + "." + body). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: whether {@code signature} is the one for this timestamp and body. */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}

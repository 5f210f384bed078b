package io.borrowerportal.payment;

import io.borrowerportal.common.SecretKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The idempotency keys of payment forms (decision 020). The server issues each one to one customer: 16 random
 * bytes and a 16-byte HMAC-SHA256 of them and the customer's id, both Base64url, joined with a dot. A submit is
 * accepted only with a key issued to the customer signed in, so nobody can choose a key (another customer's, to
 * be answered with their payment; or a standing order's, to take its date's payment) and no table of issued keys
 * is needed. A key stays valid as long as the server key does, which is what makes a second submit of the same
 * form, however late, answer with the first payment.
 * <p>
 * The server key comes from {@value #KEY_PROPERTY} (Base64 of 32 bytes, the same on every node) or else from the
 * file named by {@value #KEY_FILE_PROPERTY}, created on first start. Losing it only refuses forms open at that
 * moment: the customer starts the payment again.
 */
@Component
class PaymentFormKeys {

    static final String KEY_PROPERTY = "portal.payments.form-key";
    static final String KEY_FILE_PROPERTY = "portal.payments.form-key-file";
    static final String DEFAULT_KEY_FILE = "./data/payment-form.key";

    private static final SecretKeys.Source KEY_SOURCE = new SecretKeys.Source("Payment form", "an HMAC-SHA256 key",
            KEY_PROPERTY, KEY_FILE_PROPERTY, DEFAULT_KEY_FILE,
            "without it, payment forms open at that moment are refused and must be started again.");
    private static final String ALGORITHM = "HmacSHA256";
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    /** 22 Base64url characters each: 45 in all, within the payments table's 64. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PaymentFormKeys(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                    @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this(SecretKeys.load(KEY_SOURCE, base64Key, keyFile));
    }

    PaymentFormKeys(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A new key for one form of this customer. */
    String issue(long customerId) {
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        String part = ENCODER.encodeToString(nonce);
        return part + "." + ENCODER.encodeToString(mac(customerId, part));
    }

    /** Whether this server issued the key to this customer; false for anything else, however formed. */
    boolean issuedTo(String formKey, long customerId) {
        if (formKey == null || !FORMAT.matcher(formKey).matches()) {
            return false;
        }
        int dot = formKey.indexOf('.');
        // Compared as text, not decoded: the last Base64 character carries bits the decoder drops, so decoding
        // would accept four spellings of one MAC, and the idempotency key is the text.
        String expected = ENCODER.encodeToString(mac(customerId, formKey.substring(0, dot)));
        return MessageDigest.isEqual(formKey.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(long customerId, String nonce) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (String field : new String[] {"payment-form-key", Long.toString(customerId), nonce}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            input.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            input.writeBytes(bytes);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(input.toByteArray()), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}

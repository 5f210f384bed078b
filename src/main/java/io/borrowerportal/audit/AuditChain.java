package io.borrowerportal.audit;

import io.borrowerportal.common.SecretKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How audit rows are chained and checked (decision 020). A row's hash is an HMAC-SHA256, with a key kept outside
 * the database, over the previous row's hash and the row's fields, each written as its UTF-8 length, a colon and
 * its bytes (a null as a lone {@code -}), so no two different rows encode alike and someone who can write to the
 * database but has no key cannot make a row that verifies. Rows written before the key existed keep their
 * scheme ({@link #LEGACY_SHA256}) and still verify; the first keyed row covers the last of them, so they cannot
 * be changed either. A keyed row may never be followed by an older one, and the newest row must be keyed, so
 * rewriting the chain in the old scheme (which needs no key) is detected too.
 * <p>
 * The key comes from {@value #KEY_PROPERTY} (Base64 of 32 bytes), the same on every node, or else from the file
 * named by {@value #KEY_FILE_PROPERTY}, created on first start readable by its owner only.
 */
@Component
class AuditChain {

    static final String KEY_PROPERTY = "portal.audit.hmac-key";
    static final String KEY_FILE_PROPERTY = "portal.audit.hmac-key-file";
    static final String DEFAULT_KEY_FILE = "./data/audit-hmac.key";

    /** SHA-256 over {@code previous|}{@link AuditEvent#canonical()}: rows written before decision 020. */
    static final int LEGACY_SHA256 = 1;
    /** HMAC-SHA256 over the length-prefixed previous hash and fields. */
    static final int HMAC_SHA256 = 2;

    static final String GENESIS = "0".repeat(64);

    private static final SecretKeys.Source KEY_SOURCE = new SecretKeys.Source("Audit chain", "an HMAC-SHA256 key",
            KEY_PROPERTY, KEY_FILE_PROPERTY, DEFAULT_KEY_FILE,
            "without it the audit log can no longer be verified (the rows stay readable).");
    private static final String ALGORITHM = "HmacSHA256";
    /** Domain separation: the same key could never make a valid hash for anything but an audit row. */
    private static final String CONTEXT = "borrower-portal audit row v2";

    private final SecretKeySpec key;

    @Autowired
    AuditChain(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
               @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this(SecretKeys.load(KEY_SOURCE, base64Key, keyFile));
    }

    AuditChain(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The hash of a new row after {@code previous}, in the current scheme ({@link #HMAC_SHA256}). */
    String hash(String previous, AuditEvent event) {
        List<String> fields = event.fields();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        field(encoded, CONTEXT);
        field(encoded, previous);
        for (String field : fields) {
            field(encoded, field);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(encoded.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** {@code <UTF-8 length>:<bytes>}, or {@code -} for null: unambiguous whatever the fields contain. */
    static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    /** The scheme-1 hash: plain SHA-256 of the fields joined with '|', which anyone can compute. */
    static String legacyHash(String previous, AuditEvent event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((previous + "|" + event.canonical())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when every row links to its predecessor, every hash matches its row by the row's own scheme, no older
     * scheme follows a keyed row, the newest row is keyed, and the chain ends at {@code headHash}.
     */
    boolean verify(Iterator<AuditEvent> rows, String headHash) {
        Walk walk = walk();
        while (rows.hasNext()) {
            if (walk.next(rows.next()) != null) {
                return false;
            }
        }
        return walk.end(headHash) == null;
    }

    /** A check of the rows one at a time, oldest first, so a table of any size is checked in pages. */
    Walk walk() {
        return new Walk();
    }

    /** The state of a check between two rows: the hash the next row must link to, and whether a keyed row was seen. */
    final class Walk {

        private String previous = GENESIS;
        private boolean keyed;
        private boolean any;

        private Walk() {
        }

        /** Null when the row continues the chain, else what is wrong with it (in the words a staff member reads). */
        String next(AuditEvent event) {
            any = true;
            if (!event.prevHash().equals(previous)) {
                return "it does not link to the entry before it: an entry was deleted, inserted or changed there";
            }
            String expected = switch (event.hashScheme()) {
                case LEGACY_SHA256 -> keyed ? null : legacyHash(previous, event);
                case HMAC_SHA256 -> hash(previous, event);
                default -> null;
            };
            if (expected == null && event.hashScheme() == LEGACY_SHA256) {
                return "it claims the old unkeyed scheme after a keyed entry";
            }
            if (expected == null) {
                return "it has an unknown hash scheme (" + event.hashScheme() + ")";
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    event.hash().getBytes(StandardCharsets.US_ASCII))) {
                return "its content does not match its hash: the entry was changed";
            }
            keyed = event.hashScheme() == HMAC_SHA256;
            previous = event.hash();
            return null;
        }

        /** Null when the rows seen end the chain where its head says, else what is wrong with the newest one. */
        String end(String headHash) {
            if (any && !keyed) {
                return "the newest entry is not keyed";
            }
            if (headHash == null || !MessageDigest.isEqual(previous.getBytes(StandardCharsets.US_ASCII),
                    headHash.getBytes(StandardCharsets.US_ASCII))) {
                return "the chain's head does not match the newest entry: entries at the end were deleted or added "
                        + "outside the portal";
            }
            return null;
        }
    }
}

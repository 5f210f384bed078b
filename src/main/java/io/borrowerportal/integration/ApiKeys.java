package io.borrowerportal.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key's format: {@code bpk_<publicId>_<secret>}. The public id (16 lowercase letters and digits, 80 bits) is
 * not secret: it finds the client's row by index, so a request costs one lookup and one hash, never a scan. The
 * secret is 32 bytes (256 bits) from {@link SecureRandom} in unpadded base64url (43 characters). Only the secret's
 * SHA-256 is stored: a key has full entropy, so a fast hash is as strong as a slow one here (a password needs bcrypt
 * because it is guessable; a 256-bit secret is not), and a request is not slowed by a deliberately slow hash. The
 * stored and computed hashes are compared with {@link MessageDigest#isEqual}, which takes the same time wherever they
 * differ. Pure Java, no Spring.
 */
final class ApiKeys {

    static final String PREFIX = "bpk_";
    static final String SEPARATOR = "_";
    static final int PUBLIC_ID_LENGTH = 16;
    static final int SECRET_BYTES = 32;
    static final int SECRET_LENGTH = 43;
    static final int KEY_LENGTH = PREFIX.length() + PUBLIC_ID_LENGTH + SEPARATOR.length() + SECRET_LENGTH;

    private static final Pattern PUBLIC_ID = Pattern.compile("[a-z0-9]{" + PUBLIC_ID_LENGTH + "}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{" + SECRET_LENGTH + "}");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key split into its parts; {@code toString} never shows the secret. */
    record ParsedKey(String publicId, String secret) {
        @Override
        public String toString() {
            return PREFIX + publicId + SEPARATOR + "…";
        }
    }

    private ApiKeys() {
    }

    static String newPublicId() {
        char[] id = new char[PUBLIC_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String key(String publicId, String secret) {
        return PREFIX + publicId + SEPARATOR + secret;
    }

    /** The parts of a well-formed key; empty for anything else (which is then simply not a valid key). */
    static Optional<ParsedKey> parse(String key) {
        if (key == null || key.length() != KEY_LENGTH || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int idEnd = PREFIX.length() + PUBLIC_ID_LENGTH;
        String publicId = key.substring(PREFIX.length(), idEnd);
        String secret = key.substring(idEnd + SEPARATOR.length());
        if (!key.startsWith(SEPARATOR, idEnd) || !PUBLIC_ID.matcher(publicId).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(publicId, secret));
    }

    /** SHA-256 of the secret, in lowercase hex: what the database keeps. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether the secret hashes to the stored hash, in time that does not depend on where they differ. */
    static boolean matches(String secret, String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), stored);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

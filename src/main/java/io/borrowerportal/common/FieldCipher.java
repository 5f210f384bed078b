package io.borrowerportal.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one kind of secret kept in a database column (bank account numbers, authenticator secrets,
 * webhook signing secrets), under a key kept outside the database ({@link SecretKeys}). A token is {@code v1:}
 * followed by the Base64 of a fresh 12-byte IV and the ciphertext with its 16-byte tag; the version prefix leaves
 * room for a key rotation. The caller passes the row's owner as associated data, so a token copied into another
 * owner's row fails to decrypt. Messages name what failed, never the token, the key or the secret.
 */
public final class FieldCipher {

    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** SecureRandom is thread-safe; one for every cipher. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String what;
    private final String otherOwner;

    /**
     * @param source     where the key comes from
     * @param base64Key  the configured key; null or blank to use the key file
     * @param keyFile    the configured key file; null or blank for the source's default
     * @param what       the token in messages ("Encrypted account number")
     * @param otherOwner whose row a copied token came from, in messages ("another customer")
     */
    public FieldCipher(SecretKeys.Source source, String base64Key, String keyFile, String what, String otherOwner) {
        this.key = new SecretKeySpec(SecretKeys.load(source, base64Key, keyFile), "AES");
        this.what = what;
        this.otherOwner = otherOwner;
    }

    /** Whether a stored value is a token of this format (and not, say, a value stored before encryption). */
    public static boolean isToken(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    public String encrypt(byte[] plain, String associatedData) {
        if (plain == null || associatedData == null) {
            throw new IllegalArgumentException("Both the value and the associated data are required");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, associatedData).doFinal(plain);
            byte[] token = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available in this Java runtime", e);
        }
    }

    public String encrypt(String plain, String associatedData) {
        if (plain == null) {
            throw new IllegalArgumentException("Both the value and the associated data are required");
        }
        return encrypt(plain.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /**
     * @throws IllegalArgumentException when the token is malformed, was altered, belongs to other associated data
     *                                  or was made with another key; the message says which kind of failure
     */
    public byte[] decrypt(String token, String associatedData) {
        if (token == null || associatedData == null) {
            throw new IllegalArgumentException("Both the " + what.toLowerCase(java.util.Locale.ROOT) + " and the associated data are required");
        }
        if (!isToken(token)) {
            throw new IllegalArgumentException(what + " has an unknown format (expected the " + VERSION + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid Base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException(what + " is too short to be a " + VERSION + " token");
        }
        try {
            byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
            return cipher(Cipher.DECRYPT_MODE, iv, associatedData).doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            // No cause attached: the provider's exception adds nothing and must not tempt anyone to log more.
            throw new IllegalArgumentException(what + " does not decrypt: it was altered, belongs to " + otherOwner
                    + ", or was encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is not available in this Java runtime", e);
        }
    }

    public String decryptText(String token, String associatedData) {
        return new String(decrypt(token, associatedData), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

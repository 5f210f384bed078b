package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.SecretKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts bank account numbers for storage with AES-256-GCM. A token is {@code v1:} followed by the
 * Base64 of a fresh 12-byte IV and the ciphertext with its 16-byte tag; the version prefix leaves room for
 * a key rotation. The caller passes the owning customer's id as associated data, so a token copied into
 * another customer's row fails to decrypt instead of paying from someone else's account.
 * <p>
 * The key comes from {@value #KEY_PROPERTY} (Base64 of 32 bytes) when set, which is what a production
 * deployment with several nodes does. Otherwise the embedded default keeps it in the file named by
 * {@value #KEY_FILE_PROPERTY}, created on first start readable by its owner only. Losing that file makes
 * every stored account number unreadable, so it belongs in the backup with the database.
 */
@Component
public class BankAccountCipher {

    public static final String KEY_PROPERTY = "portal.payments.bank-key";
    public static final String KEY_FILE_PROPERTY = "portal.payments.bank-key-file";
    public static final String DEFAULT_KEY_FILE = "./data/bank-account.key";

    private static final SecretKeys.Source KEY_SOURCE = new SecretKeys.Source("Bank account", "an AES-256 key",
            KEY_PROPERTY, KEY_FILE_PROPERTY, DEFAULT_KEY_FILE, "without it the stored account numbers cannot be read.");
    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Key the key as Base64 of 32 bytes; null or blank to use the key file
     * @param keyFile   where the key file lives (created when missing); null or blank for the default
     */
    @Autowired
    public BankAccountCipher(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                             @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this.key = new SecretKeySpec(SecretKeys.load(KEY_SOURCE, base64Key, keyFile), "AES");
    }

    public String encrypt(String accountNumber, String associatedData) {
        if (accountNumber == null || associatedData == null) {
            throw new IllegalArgumentException("Both the account number and the associated data are required");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(accountNumber.getBytes(StandardCharsets.UTF_8));
            byte[] token = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available in this Java runtime", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the token is malformed, was altered, belongs to other associated
     *                                  data or was made with another key; the message names which kind of
     *                                  failure, never the token, the key or the account number
     */
    public String decrypt(String token, String associatedData) {
        if (token == null || associatedData == null) {
            throw new IllegalArgumentException("Both the encrypted account number and the associated data are required");
        }
        if (!token.startsWith(VERSION)) {
            throw new IllegalArgumentException("Encrypted account number has an unknown format (expected the " + VERSION + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Encrypted account number is not valid Base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Encrypted account number is too short to be a " + VERSION + " token");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // No cause attached: the provider's exception adds nothing and must not tempt anyone to log more.
            throw new IllegalArgumentException("Encrypted account number does not decrypt: it was altered, "
                    + "belongs to another customer, or was encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is not available in this Java runtime", e);
        }
    }
}

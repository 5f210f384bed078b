package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.FieldCipher;
import io.borrowerportal.common.SecretKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts bank account numbers for storage ({@link FieldCipher}: AES-256-GCM, {@code v1:} tokens). The caller
 * passes the owning customer's id as associated data, so a token copied into another customer's row fails to
 * decrypt instead of paying from someone else's account.
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

    private final FieldCipher cipher;

    /**
     * @param base64Key the key as Base64 of 32 bytes; null or blank to use the key file
     * @param keyFile   where the key file lives (created when missing); null or blank for the default
     */
    @Autowired
    public BankAccountCipher(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                             @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this.cipher = new FieldCipher(KEY_SOURCE, base64Key, keyFile, "Encrypted account number", "another customer");
    }

    public String encrypt(String accountNumber, String associatedData) {
        return cipher.encrypt(accountNumber, associatedData);
    }

    /**
     * @throws IllegalArgumentException when the token is malformed, was altered, belongs to other associated
     *                                  data or was made with another key; the message names which kind of
     *                                  failure, never the token, the key or the account number
     */
    public String decrypt(String token, String associatedData) {
        return cipher.decryptText(token, associatedData);
    }
}

package io.borrowerportal.security;

import io.borrowerportal.common.FieldCipher;
import io.borrowerportal.common.SecretKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets for storage ({@link FieldCipher}: AES-256-GCM, {@code v1:} tokens), the owner
 * ({@code STAFF:12}) as associated data so a secret copied into another person's row does not decrypt. The key is
 * {@value #KEY_PROPERTY} (Base64 of 32 bytes) in production; otherwise a key file created owner-readable on first
 * start, like the bank account key (decision 018). A leaked database alone then yields no secret from which codes
 * could be computed.
 */
@Component
class SecondFactorCipher {

    static final String KEY_PROPERTY = "portal.second-factor.key";
    static final String KEY_FILE_PROPERTY = "portal.second-factor.key-file";
    private static final String DEFAULT_KEY_FILE = "./data/second-factor.key";
    private static final SecretKeys.Source KEY_SOURCE = new SecretKeys.Source("Second factor", "an AES-256 key",
            KEY_PROPERTY, KEY_FILE_PROPERTY, DEFAULT_KEY_FILE,
            "without it every authenticator must be set up again.");

    private final FieldCipher cipher;

    SecondFactorCipher(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                       @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this.cipher = new FieldCipher(KEY_SOURCE, base64Key, keyFile, "Encrypted second-factor secret", "another person");
    }

    String encrypt(byte[] secret, String owner) {
        return cipher.encrypt(secret, owner);
    }

    byte[] decrypt(String token, String owner) {
        return cipher.decrypt(token, owner);
    }
}

package io.borrowerportal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts TOTP secrets for storage with AES-256-GCM ({@code v1:} + Base64 of IV and ciphertext with tag), the
 * owner ({@code STAFF:12}) as associated data so a secret copied into another person's row does not decrypt.
 * The key is {@value #KEY_PROPERTY} (Base64 of 32 bytes) in production; otherwise a key file created
 * owner-readable on first start, like the bank account key (decision 018). A leaked database alone then
 * yields no secret from which codes could be computed.
 */
@Component
class SecondFactorCipher {

    static final String KEY_PROPERTY = "portal.second-factor.key";
    static final String KEY_FILE_PROPERTY = "portal.second-factor.key-file";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecondFactorCipher(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                       @Value("${" + KEY_FILE_PROPERTY + ":./data/second-factor.key}") String keyFile) {
        byte[] bytes = base64Key.isBlank() ? loadOrCreate(Path.of(keyFile)) : Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be Base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String encrypt(byte[] secret, String owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            byte[] sealed = cipher.doFinal(secret);
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a second-factor secret", e);
        }
    }

    byte[] decrypt(String token, String owner) {
        if (!token.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown second-factor secret format");
        }
        byte[] all = Base64.getDecoder().decode(token.substring(VERSION.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, IV_BYTES), owner);
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A second-factor secret does not decrypt with this key or owner", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // Read what the other process wrote.
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the second-factor key file " + file, e);
        }
    }
}

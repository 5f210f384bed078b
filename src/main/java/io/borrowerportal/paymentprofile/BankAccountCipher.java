package io.borrowerportal.paymentprofile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
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

    private static final Logger log = LoggerFactory.getLogger(BankAccountCipher.class);
    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** One generator for keys and IVs: SecureRandom is thread-safe, and a new one per key is seeded anew each time. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /**
     * @param base64Key the key as Base64 of 32 bytes; null or blank to use the key file
     * @param keyFile   where the key file lives (created when missing); null or blank for the default
     */
    @Autowired
    public BankAccountCipher(@Value("${" + KEY_PROPERTY + ":}") String base64Key,
                             @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        byte[] keyBytes = base64Key != null && !base64Key.isBlank()
                ? decodeKey(base64Key, "Property " + KEY_PROPERTY)
                : loadOrCreateKeyFile(Path.of(keyFile == null || keyFile.isBlank() ? DEFAULT_KEY_FILE : keyFile));
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    public String encrypt(String accountNumber, String associatedData) {
        if (accountNumber == null || associatedData == null) {
            throw new IllegalArgumentException("Both the account number and the associated data are required");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
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

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid Base64. Expected the Base64 encoding of "
                    + KEY_BYTES + " random bytes (an AES-256 key), for example from `openssl rand -base64 32`.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " decodes to " + bytes.length + " bytes. Expected the Base64 "
                    + "encoding of exactly " + KEY_BYTES + " random bytes (an AES-256 key), for example from "
                    + "`openssl rand -base64 32`.");
        }
        return bytes;
    }

    /** The file holds the key as Base64 text, the same form as the property, so it can be moved there. */
    private static byte[] loadOrCreateKeyFile(Path file) {
        String source = "Bank account key file " + file.toAbsolutePath().normalize() + " (" + KEY_FILE_PROPERTY + ")";
        if (Files.notExists(file)) {
            try {
                createKeyFile(file);
                log.info("Created a new bank account key at {}. Back it up with the database: without it the "
                        + "stored account numbers cannot be read.", file.toAbsolutePath().normalize());
            } catch (FileAlreadyExistsException e) {
                // Another process created it between our check and our write: use theirs.
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create " + source + ": " + e.getMessage()
                        + ". Make its directory writable, or set " + KEY_PROPERTY + ".", e);
            }
        }
        warnIfReadableByOthers(file);
        try {
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), source);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] keyBytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(keyBytes);
        byte[] content = (Base64.getEncoder().encodeToString(keyBytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean posix = Files.getFileStore(parent != null ? parent : file.toAbsolutePath())
                .supportsFileAttributeView("posix");
        // On POSIX the permissions are set as the file is created, so the key is never readable by others,
        // not even for a moment.
        try (OutputStream out = Channels.newOutputStream(posix
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.newByteChannel(file, options))) {
            out.write(content);
        }
        if (!posix) {
            restrictToOwner(file);
        }
    }

    /** Best effort where POSIX permissions do not exist (Windows): the file's ACL is left to the directory. */
    private static void restrictToOwner(Path file) {
        var f = file.toFile();
        boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                & f.setWritable(false, false) & f.setWritable(true, true);
        if (!restricted) {
            log.warn("Could not restrict {} to its owner; protect the directory it is in.", file.toAbsolutePath());
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("Bank account key file {} is accessible to other users ({}); it should be rw-------.",
                        file.toAbsolutePath().normalize(), PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}

package io.borrowerportal.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Loads a 32-byte secret key kept outside the database: from a property (Base64 of 32 bytes), which is what a
 * production deployment with several nodes sets, else from a key file that is created on first start readable
 * by its owner only. The file holds the key as Base64 text, the same form as the property, so it can be moved
 * there. Messages name the property or file, never the key.
 */
public final class SecretKeys {

    public static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    /** One generator for every key: SecureRandom is thread-safe, and a new one per key is seeded anew each time. */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * Where one key comes from.
     *
     * @param label         what the key is, in messages ("Bank account", "Audit chain")
     * @param kind          what the 32 bytes are used as, in messages ("an AES-256 key")
     * @param keyProperty   the property holding the key as Base64
     * @param fileProperty  the property naming the key file
     * @param defaultFile   the key file when {@code fileProperty} is unset
     * @param whenLost      what losing the file costs, for the message logged when it is created
     */
    public record Source(String label, String kind, String keyProperty, String fileProperty, String defaultFile,
                         String whenLost) {
    }

    private SecretKeys() {
    }

    /**
     * @param base64Key the configured key; null or blank to use the key file
     * @param keyFile   the configured key file; null or blank for the source's default
     * @throws IllegalStateException naming the property or file when the key is malformed or unreadable
     */
    public static byte[] load(Source source, String base64Key, String keyFile) {
        return base64Key != null && !base64Key.isBlank()
                ? decode(source, base64Key, "Property " + source.keyProperty())
                : loadOrCreateFile(source, Path.of(keyFile == null || keyFile.isBlank() ? source.defaultFile() : keyFile));
    }

    private static byte[] decode(Source source, String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not valid Base64. Expected the Base64 encoding of "
                    + KEY_BYTES + " random bytes (" + source.kind() + "), for example from `openssl rand -base64 32`.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(where + " decodes to " + bytes.length + " bytes. Expected the Base64 "
                    + "encoding of exactly " + KEY_BYTES + " random bytes (" + source.kind() + "), for example from "
                    + "`openssl rand -base64 32`.");
        }
        return bytes;
    }

    private static byte[] loadOrCreateFile(Source source, Path file) {
        String where = source.label() + " key file " + file.toAbsolutePath().normalize() + " (" + source.fileProperty() + ")";
        if (Files.notExists(file)) {
            try {
                createKeyFile(file);
                log.info("Created a new {} key at {}. Back it up with the database: {}", source.label().toLowerCase(),
                        file.toAbsolutePath().normalize(), source.whenLost());
            } catch (FileAlreadyExistsException e) {
                // Another process created it between our check and our write: use theirs.
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create " + where + ": " + e.getMessage()
                        + ". Make its directory writable, or set " + source.keyProperty() + ".", e);
            }
        }
        warnIfReadableByOthers(source, file);
        try {
            return decode(source, Files.readString(file, StandardCharsets.US_ASCII), where);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + where + ": " + e.getMessage(), e);
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

    private static void warnIfReadableByOthers(Source source, Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("{} key file {} is accessible to other users ({}); it should be rw-------.", source.label(),
                        file.toAbsolutePath().normalize(), PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}

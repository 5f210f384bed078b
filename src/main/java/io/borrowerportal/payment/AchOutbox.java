package io.borrowerportal.payment;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The folder NACHA files are delivered to ({@code portal.ach.outbox-dir}, e.g. the bank transmitter's pickup
 * folder). A file is first written as "name.part", which a transmitter never picks up, and gets its final
 * name by an atomic rename. The files hold full account numbers, so they are created readable and writable
 * by their owner only ({@code rw-------}) where the file system has POSIX permissions, and the folder, when
 * the portal creates it, {@code rwx------}.
 */
@Component
class AchOutbox {

    static final String PART = ".part";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    /** How a part file gets its final name; a test seam, so a test can make the rename fail or stop the process. */
    interface Mover {
        Mover RENAME = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

        void move(Path from, Path to) throws IOException;
    }

    private final Path folder;
    private final boolean posix;
    private volatile Mover mover = Mover.RENAME;

    AchOutbox(AchProperties properties) {
        this.folder = Path.of(properties.outboxDir()).toAbsolutePath().normalize();
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Test seam: the next renames go through {@code next} (null: the real rename again). */
    void moveWith(Mover next) {
        this.mover = next == null ? Mover.RENAME : next;
    }

    Path delivered(String name) {
        return folder.resolve(name);
    }

    Path part(String name) {
        return folder.resolve(name + PART);
    }

    /**
     * Writes the part file, owner-only from its creation on (never created wider and narrowed afterwards), and
     * forces it to the disk: once the database commits, the bytes must survive a crash of the machine too.
     * An earlier part file of the same name (an attempt that never committed) is replaced.
     */
    void writePart(String name, byte[] bytes) throws IOException {
        createFolder();
        Path part = part(name);
        Files.deleteIfExists(part);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(part, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (posix) {
            // A umask can only take bits away, but an inherited default ACL or a mount option could add some.
            Files.setPosixFilePermissions(part, OWNER_ONLY);
        }
    }

    /** Gives the part file its final name (atomically: the transmitter sees all of it or nothing). */
    void publish(String name) throws IOException {
        mover.move(part(name), delivered(name));
        forceFolder();
    }

    /** The SHA-256 (hex) of the file, or null when there is no such file. */
    String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Part files last changed before {@code before}: attempts that never committed, or were rebuilt elsewhere. */
    List<Path> partsOlderThan(Instant before) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return parts;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + PART)) {
            for (Path part : stream) {
                if (Files.isRegularFile(part) && Files.getLastModifiedTime(part).toInstant().isBefore(before)) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    Path folder() {
        return folder;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Makes the rename itself durable; file systems that cannot open a folder for this (Windows) skip it. */
    private void forceFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename has happened; only its durability across a power cut is left to the file system.
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.borrowerportal.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the portal keeps, told apart by their first bytes ("magic numbers"), never by the
 * file's name or the type the browser claims.
 */
public enum FileType {
    PDF("application/pdf", "pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int SNIFF_LENGTH = 8;

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    FileType(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** The type whose signature the content starts with; empty for anything else. */
    public static Optional<FileType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(type -> startsWith(head, type.magic)).findFirst();
    }

    public static Optional<FileType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(type -> type.contentType.equals(contentType)).findFirst();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

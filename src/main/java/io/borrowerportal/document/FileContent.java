package io.borrowerportal.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file's bytes, which can be read more than once without holding them in memory: an upload is
 * checked, hashed and stored in three passes over the temporary file it was written to.
 */
public interface FileContent {

    /** A new stream over the whole content, from its first byte; the caller closes it. */
    InputStream open() throws IOException;

    /** The size in bytes. */
    long size();

    /** The file on disk holding the content, when it is one (PDFBox then reads it without a copy in memory). */
    default Optional<Path> file() {
        return Optional.empty();
    }

    static FileContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new FileContent() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public long size() {
                return copy.length;
            }
        };
    }

    static FileContent of(Path file) {
        return new FileContent() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> file() {
                return Optional.of(file);
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}

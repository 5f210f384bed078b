package io.borrowerportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives one uploaded file (a document, proof of insurance, a bank's returns file) into a temporary file,
 * counting the bytes as they arrive and stopping at a limit, whatever the request says about itself. Vaadin
 * checks sizes only on its multipart path; the upload component sends a raw body, whose declared length may be
 * missing or wrong, so at most the limit plus one buffer is ever read, and nothing is held in memory. An
 * oversized or broken-off upload leaves no file behind. The file reaches the page through {@link UI#access};
 * from then on the page owns it and deletes it. No callback is given an exception's text, so nothing from the
 * server's inside reaches the screen.
 */
public final class TempFileUploadHandler implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(TempFileUploadHandler.class);
    private static final int BUFFER = 16 * 1024;

    private final long maxBytes;
    private final SerializableBiConsumer<Path, String> received;
    private final SerializableRunnable tooLarge;
    private final SerializableRunnable failed;

    public TempFileUploadHandler(long maxBytes, SerializableBiConsumer<Path, String> received, SerializableRunnable tooLarge,
                          SerializableRunnable failed) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The upload limit must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
        this.failed = failed;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        if (event.getFileSize() > maxBytes) {
            // Declared too large: refused without reading a byte of it.
            refuse(event, ui);
            return;
        }
        Path file = Files.createTempFile("portal-upload-", ".part");
        boolean keep = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            keep = copyAtMost(in, out, maxBytes);
        } catch (IOException e) {
            log.warn("An upload broke off: {}", e.toString());
            Files.deleteIfExists(file);
            ui.access(failed::run);
            return;
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
        if (!keep) {
            refuse(event, ui);
            return;
        }
        try {
            ui.access(() -> received.accept(file, fileName));
        } catch (UIDetachedException e) {
            // The page closed while the file arrived: nobody will use it.
            Files.deleteIfExists(file);
        }
    }

    private void refuse(UploadEvent event, UI ui) {
        log.warn("An upload was refused: more than {} bytes", maxBytes);
        event.reject("The file is larger than the limit.");
        ui.access(tooLarge::run);
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /** Copies the stream; false as soon as it passes {@code max} bytes (the rest is never read). */
    static boolean copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > max) {
                return false;
            }
            out.write(buffer, 0, read);
        }
        return true;
    }
}

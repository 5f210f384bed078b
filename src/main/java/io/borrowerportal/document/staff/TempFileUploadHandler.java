package io.borrowerportal.document.staff;

import com.vaadin.flow.component.UI;
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
 * Receives one uploaded file into a temporary file, counting the bytes as they arrive and stopping one past the
 * limit, whatever the request says about its size: a document is checked and stored from disk, never held in
 * memory whole. The outcome reaches the page through {@link UI#access}: {@code received} with the file and the
 * name the browser sent (the page owns the file from then on and deletes it), {@code tooLarge}, or {@code failed}
 * when the transfer broke off. A refused or broken upload leaves no file behind.
 */
final class TempFileUploadHandler implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(TempFileUploadHandler.class);
    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final SerializableBiConsumer<Path, String> received;
    private final SerializableRunnable tooLarge;
    private final SerializableRunnable failed;

    TempFileUploadHandler(long maxBytes, SerializableBiConsumer<Path, String> received, SerializableRunnable tooLarge,
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
        Path file = Files.createTempFile("portal-document-", ".upload");
        boolean complete;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            complete = copyAtMost(in, out, maxBytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            log.warn("A document upload broke off: {}", e.toString());
            ui.access(failed::run);
            return;
        }
        if (!complete) {
            Files.deleteIfExists(file);
            refuse(event, ui);
            return;
        }
        ui.access(() -> received.accept(file, fileName));
    }

    private void refuse(UploadEvent event, UI ui) {
        log.warn("A document upload was refused: more than {} bytes", maxBytes);
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

    /** Copies the stream; false as soon as it holds more than {@code max} bytes (at most one buffer more is read). */
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

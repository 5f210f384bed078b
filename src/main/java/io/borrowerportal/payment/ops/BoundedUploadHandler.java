package io.borrowerportal.payment.ops;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives one uploaded file into memory, counting the bytes as they arrive and stopping at a limit, whatever
 * the request says about itself. Vaadin checks sizes only on its multipart path; the upload component sends a
 * raw body, whose declared length may be missing or wrong, and a buffering handler would read all of it. Here
 * at most {@code maxBytes + 1} bytes are ever read: the rest of an oversized body is never taken in.
 * <p>
 * The outcome reaches the page through {@link UI#access}: {@code received} with the bytes, {@code tooLarge}
 * when the limit was passed, {@code failed} when the transfer broke off. None of them is given an exception's
 * text, so nothing from the server's inside can reach the screen.
 */
final class BoundedUploadHandler implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(BoundedUploadHandler.class);
    private static final int BUFFER = 8 * 1024;

    private final long maxBytes;
    private final SerializableConsumer<byte[]> received;
    private final SerializableRunnable tooLarge;
    private final SerializableRunnable failed;

    BoundedUploadHandler(long maxBytes, SerializableConsumer<byte[]> received, SerializableRunnable tooLarge,
                         SerializableRunnable failed) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - BUFFER) {
            throw new IllegalArgumentException("The upload limit must be between 1 byte and 2 GB, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
        this.failed = failed;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        byte[] content;
        if (event.getFileSize() > maxBytes) {
            // Declared too large: refused without reading a byte of it.
            content = null;
        } else {
            try (InputStream in = event.getInputStream()) {
                content = readAtMost(in, maxBytes);
            } catch (IOException e) {
                log.warn("An upload broke off: {}", e.toString());
                ui.access(failed::run);
                return;
            }
        }
        if (content == null) {
            log.warn("An upload was refused: more than {} bytes", maxBytes);
            event.reject("The file is larger than the limit.");
            ui.access(tooLarge::run);
            return;
        }
        ui.access(() -> received.accept(content));
    }

    /** The limit applies to Vaadin's own multipart path as well; there it refuses before this handler runs. */
    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /**
     * The stream's bytes, or null as soon as there are more than {@code max}: never more than {@code max} plus
     * one buffer is read, however long the stream goes on.
     */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, BUFFER * 8));
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}

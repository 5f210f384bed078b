package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
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
 * Receives the proof of insurance into a temporary file, counting the bytes as they arrive and stopping at the
 * document limit whatever the request says about itself (the upload component sends a raw body whose declared
 * length may be missing or wrong). At most {@code maxBytes} plus one buffer is ever read; an oversized file is
 * deleted at once. The file stays on disk, not in memory, until the form is saved: the document store reads it
 * three times (type, hash, content) from there.
 * <p>
 * The outcome reaches the page through {@link UI#access}: {@code received} with the file, {@code tooLarge}, or
 * {@code failed}. None of them is given an exception's text.
 */
final class ProofUploadHandler implements UploadHandler {

    /** What arrived: the customer's file name (only a label; the document service cleans it) and where it is. */
    record ReceivedFile(String fileName, Path path) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProofUploadHandler.class);
    private static final int BUFFER = 8 * 1024;

    private final long maxBytes;
    private final SerializableConsumer<ReceivedFile> received;
    private final SerializableRunnable tooLarge;
    private final SerializableRunnable failed;

    ProofUploadHandler(long maxBytes, SerializableConsumer<ReceivedFile> received, SerializableRunnable tooLarge,
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
        if (event.getFileSize() > maxBytes) {
            refuse(event, ui);
            return;
        }
        Path file = Files.createTempFile("insurance-proof-", ".upload");
        boolean whole;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            whole = copyAtMost(in, out, maxBytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            log.warn("A proof of insurance upload broke off: {}", e.toString());
            ui.access(failed::run);
            return;
        }
        if (!whole) {
            Files.deleteIfExists(file);
            refuse(event, ui);
            return;
        }
        String name = event.getFileName() == null ? "" : event.getFileName();
        ui.access(() -> received.accept(new ReceivedFile(name, file)));
    }

    private void refuse(UploadEvent event, UI ui) {
        log.warn("A proof of insurance upload was refused: more than {} bytes", maxBytes);
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

    /** Copies the stream; false, having stopped, as soon as more than {@code max} bytes came. */
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

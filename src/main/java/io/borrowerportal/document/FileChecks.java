package io.borrowerportal.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Decides whether a file may be kept, by its content: not empty, not over the size limit, a PDF, PNG or
 * JPEG by its first bytes, a PDF that opens without a password and has pages of a sane size, an image that
 * decodes within a sane number of pixels. Each refusal says what is wrong in the customer's words.
 * Nothing here holds the whole file in memory: PDFBox reads the file on disk and caches decoded streams in
 * temporary files, and an image is decoded subsampled, so a small file that unpacks to gigabytes (a
 * "decompression bomb") costs little.
 */
final class FileChecks {

    /** The largest page side PDF readers accept (200 inches, in points). */
    static final float MAX_PAGE_SIDE = 14_400f;
    /** The most pages a customer's PDF may have. */
    static final int MAX_PAGES = 2_000;
    /** The largest image, in pixels (a 48-megapixel phone photo fits; a 30,000-pixel-wide bomb does not). */
    static final long MAX_PIXELS = 100_000_000L;
    /** The longest side of an image, in pixels. */
    static final int MAX_IMAGE_SIDE = 20_000;
    /**
     * The most any one stream inside a PDF (a page's drawing, a picture) may unpack to. PDFBox unpacks a stream
     * into memory when it draws it (a thumbnail), so a few hundred kB that inflate to gigabytes must be refused
     * here, before anyone draws them. A scanned Letter page at 600 dpi in colour is about 100 MB raw but is
     * stored as JPEG, which is not counted here (its pixels are checked instead).
     */
    static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

    /** What the checks found out about an accepted file. */
    record Checked(FileType type, Integer pageCount, String sha256, long size) {
    }

    private FileChecks() {
    }

    static Checked check(FileContent content, long maxBytes) {
        long size = content.size();
        if (size <= 0) {
            throw refused("The file is empty. Choose the file again.");
        }
        if (size > maxBytes) {
            throw refused("The file is " + megabytes(size) + "; files up to " + megabytes(maxBytes) + " can be uploaded.");
        }
        try {
            FileType type = FileType.sniff(head(content)).orElseThrow(() -> refused(
                    "Only PDF, PNG and JPEG files can be uploaded, and this file is none of them, whatever its name says."));
            // Not a conditional expression: int and Integer there would unbox the image's null page count.
            Integer pages = null;
            if (type == FileType.PDF) {
                pages = checkPdf(content);
            } else {
                checkImage(content, type);
            }
            return new Checked(type, pages, sha256(content), size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded file", e);
        }
    }

    /** The hex sha256 of the content, read as a stream. */
    static String sha256(FileContent content) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(content.open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] head(FileContent content) throws IOException {
        try (InputStream in = content.open()) {
            return in.readNBytes(FileType.SNIFF_LENGTH);
        }
    }

    /** Opens a PDF the way every reader of it here does: from the file, with decoded streams in temporary files. */
    static PDDocument openPdf(FileContent content) throws IOException {
        RandomAccessRead source = content.file().isPresent()
                ? new RandomAccessReadBufferedFile(content.file().get())
                : new RandomAccessReadBuffer(content.open());
        return Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    private static int checkPdf(FileContent content) {
        try (PDDocument pdf = openPdf(content)) {
            if (pdf.isEncrypted()) {
                throw refused("This PDF is protected with a password or encryption. Upload a copy without protection.");
            }
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                throw refused("This PDF has no pages that can be read. It may be damaged; try saving it again.");
            }
            if (pages > MAX_PAGES) {
                throw refused("This PDF has " + pages + " pages; up to " + MAX_PAGES + " can be uploaded.");
            }
            for (int i = 0; i < pages; i++) {
                PDRectangle box = pdf.getPage(i).getMediaBox();
                if (box.getWidth() <= 0 || box.getHeight() <= 0
                        || box.getWidth() > MAX_PAGE_SIDE || box.getHeight() > MAX_PAGE_SIDE) {
                    throw refused("Page " + (i + 1) + " of this PDF has a size no PDF reader accepts. "
                            + "It may be damaged; try saving it again.");
                }
            }
            PdfStreams.check(pdf, MAX_STREAM_BYTES, MAX_PIXELS);
            return pages;
        } catch (InvalidPasswordException e) {
            throw refused("This PDF is protected with a password. Upload a copy without a password.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException refusal) {
                throw refusal;
            }
            throw refused("This PDF cannot be opened. It may be damaged; try saving it again.");
        }
    }

    private static Integer checkImage(FileContent content, FileType type) {
        String kind = type == FileType.PNG ? "PNG" : "JPEG";
        try (InputStream in = content.open(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.extension());
            if (images == null || !readers.hasNext()) {
                throw refused("This " + kind + " image cannot be read. Try saving it again.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE
                        || (long) width * height > MAX_PIXELS) {
                    throw refused("This image is " + width + " × " + height + " pixels, larger than can be kept. "
                            + "Save a smaller copy and upload that.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / 512);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException refusal) {
                throw refusal;
            }
            throw refused("This " + kind + " image cannot be read. It may be damaged; try saving it again.");
        }
    }

    static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " MB";
    }

    private static DocumentRefusedException refused(String message) {
        return new DocumentRefusedException("file", message);
    }
}

package io.borrowerportal.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;

/**
 * A small PNG of a document: a PDF's first page drawn by PDFBox at a scale that fits {@link #WIDTH} pixels (never
 * at the page's own size, which may be 200 inches), or a picture decoded subsampled and scaled. Rendered once,
 * when first asked for, from a temporary copy of the content, and kept in {@code document_thumbnails}; each
 * later request reads the kept PNG. A document that cannot be drawn has no thumbnail (the list shows an icon).
 */
@Component
class DocumentThumbnails {

    /** The thumbnail's width in pixels; the list shows it at 100 px, so it stays sharp on a 2x screen. */
    static final int WIDTH = 200;
    /** The tallest a thumbnail may be (a long receipt or a rotated page is fitted in, not cut). */
    static final int MAX_HEIGHT = 300;

    private static final Logger log = LoggerFactory.getLogger(DocumentThumbnails.class);

    private final JdbcTemplate jdbc;
    private final DocumentStore store;
    private final Clock clock;

    DocumentThumbnails(JdbcTemplate jdbc, DocumentStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** The kept PNG, or one rendered and kept now; empty when the document cannot be drawn. */
    Optional<byte[]> of(long documentId, FileType type) {
        Optional<byte[]> kept = jdbc.query("select png from document_thumbnails where document_id = ?",
                resultSet -> resultSet.next() ? Optional.of(resultSet.getBytes(1)) : Optional.<byte[]>empty(), documentId);
        if (kept != null && kept.isPresent()) {
            return kept;
        }
        Optional<byte[]> rendered = render(documentId, type);
        rendered.ifPresent(png -> {
            try {
                jdbc.update("insert into document_thumbnails (document_id, png, created_at) values (?, ?, ?)",
                        documentId, png, Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException e) {
                // Another request rendered the same thumbnail a moment ago; either copy will do.
            }
        });
        return rendered;
    }

    private Optional<byte[]> render(long documentId, FileType type) {
        Path copy = null;
        try {
            copy = Files.createTempFile("portal-thumbnail-", "." + type.extension());
            try (OutputStream out = Files.newOutputStream(copy)) {
                store.writeContent(documentId, out);
            }
            BufferedImage image = type == FileType.PDF ? firstPage(copy) : picture(copy, type);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Optional.of(png.toByteArray());
        } catch (IOException | RuntimeException e) {
            log.warn("No thumbnail for document {}: {}", documentId, e.toString());
            return Optional.empty();
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary file {}", copy);
                }
            }
        }
    }

    static BufferedImage firstPage(Path pdfFile) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(pdfFile), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            PDPage page = pdf.getPage(0);
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float width = turned ? box.getHeight() : box.getWidth();
            float height = turned ? box.getWidth() : box.getHeight();
            float scale = scale(width, height);
            PDFRenderer renderer = new PDFRenderer(pdf);
            // Pictures are read at the thumbnail's resolution, not their own.
            renderer.setSubsamplingAllowed(true);
            return renderer.renderImage(0, scale, ImageType.RGB);
        }
    }

    /** Points (or pixels) to thumbnail pixels: fits WIDTH x MAX_HEIGHT, never enlarges more than twice. */
    static float scale(float width, float height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A page without a size cannot be drawn");
        }
        return Math.min(2f, Math.min(WIDTH / width, MAX_HEIGHT / height));
    }

    private static BufferedImage picture(Path file, FileType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.extension());
            if (in == null || !readers.hasNext()) {
                throw new IOException("No reader for " + type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                float scale = scale(width, height);
                // Decode at about twice the thumbnail's size, then scale smoothly.
                int step = Math.max(1, (int) Math.floor(1 / (scale * 2)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                int targetWidth = Math.max(1, Math.round(width * scale));
                int targetHeight = Math.max(1, Math.round(height * scale));
                BufferedImage thumbnail = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = thumbnail.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, targetWidth, targetHeight);
                    g.drawImage(decoded, 0, 0, targetWidth, targetHeight, null);
                } finally {
                    g.dispose();
                }
                return thumbnail;
            } finally {
                reader.dispose();
            }
        }
    }
}

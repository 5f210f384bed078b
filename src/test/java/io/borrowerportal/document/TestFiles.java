package io.borrowerportal.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Real files for document tests, each with unique content unless the test asks for the same again. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page Letter PDF saying the text (a random line is added so no two are the same file). */
    public static byte[] pdf(String text) {
        return pdf(text, PDRectangle.LETTER);
    }

    public static byte[] pdf(String text, PDRectangle pageSize) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText(text + " " + UUID.randomUUID());
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the size, with a random pixel so no two are the same file. */
    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, UUID.randomUUID().hashCode() & 0xffffff);
        image.setRGB(width - 1, height - 1, UUID.randomUUID().hashCode() & 0xffffff);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

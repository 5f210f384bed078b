package io.borrowerportal.document;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
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

    /** A PDF that opens only with a password (AES-256, PDFBox's StandardProtectionPolicy). */
    public static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.LETTER));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + UUID.randomUUID(), "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header, then garbage. */
    public static byte[] malformedPdf() {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /**
     * A one-page PDF whose content stream is {@code megabytes} of spaces compressed with Flate: a few hundred kB
     * that unpack to hundreds of MB (a "decompression bomb").
     */
    public static byte[] contentBombPdf(int megabytes) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            try (java.io.OutputStream content = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1024 * 1024];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < megabytes; i++) {
                    content.write(spaces);
                }
                content.write(("% " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid PNG that declares {@code width} x {@code height} pixels of grey but holds only a few kB: decoding it
     * whole would take width x height bytes.
     */
    public static byte[] pngBomb(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13);
            header.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", header.array());
            // The first rows only (filter byte 0 + zeros), compressed: the rest of the picture is missing.
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
            deflater.setInput(new byte[(width + 1) * 16]);
            deflater.finish();
            byte[] compressed = new byte[64 * 1024];
            int length = deflater.deflate(compressed);
            chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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

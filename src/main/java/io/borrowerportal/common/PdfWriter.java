package io.borrowerportal.common;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Letter-size PDF top to bottom, the way every document the portal hands out is laid out:
 * Helvetica, 0.75in margins, tables with a repeated header, and "Page N of M" footers. It owns the
 * open content stream and the vertical position, so callers say what to write, never juggle PDFBox
 * streams, and a new page starts by itself when a table runs into the footer.
 *
 * <p>Only the standard 14 fonts are used (no font files to ship or embed), and they can encode only
 * WinAnsi characters; every string drawn goes through {@link #sanitize} so a customer's name in CJK
 * or with an emoji becomes '?' rather than failing the whole document.
 */
public final class PdfWriter implements AutoCloseable {

    public static final float MARGIN = 54;
    public static final float TOP = PDRectangle.LETTER.getHeight() - MARGIN;
    public static final float CONTENT_BOTTOM = 64;
    public static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    public static final float RIGHT = MARGIN + WIDTH;

    private static final float FOOTER_BASELINE = 36;
    private static final float ROW_HEIGHT = 14;
    private static final float TABLE_FONT_SIZE = 9;
    private static final float CELL_PADDING = 3;

    /** What a document's body draws; the writer has already started its first page. */
    @FunctionalInterface
    public interface Body {
        void write(PdfWriter pdf) throws IOException;
    }

    /** A table column; widths of one table should add up to {@link #WIDTH}. Numeric columns align right. */
    public record Column(String title, float width, boolean numeric) {
    }

    /** A table row, one cell per column; a muted row is printed grey (a reversed entry, say). */
    public record Row(List<String> cells, boolean muted) {
    }

    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream stream;
    private float y;

    private PdfWriter(PDDocument document) {
        this.document = document;
    }

    /**
     * A whole document in memory: metadata, the body on as many pages as it needs, then a footer
     * with {@code footerText} on the left and "Page N of M" on the right of every page.
     */
    public static byte[] write(String title, String author, String subject, String footerText, Body body) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(sanitize(title, null));
            info.setAuthor(sanitize(author, null));
            info.setSubject(sanitize(subject, null));

            try (PdfWriter pdf = new PdfWriter(document)) {
                pdf.newPage();
                body.write(pdf);
            }
            footers(document, footerText);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // Everything is written to memory, so an IOException here is a programming error.
            throw new UncheckedIOException("Could not write the PDF \"" + title + "\"", e);
        }
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    /** The baseline position the next line is written relative to, in points from the page bottom. */
    public float y() {
        return y;
    }

    public void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Moves down; a negative gap moves back up. */
    public void gap(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code points} still fit above the footer. */
    public void keepTogether(float points) throws IOException {
        if (y - points < CONTENT_BOTTOM) {
            newPage();
        }
    }

    /** Moves down by {@code size} plus {@code leading} and writes one line at the left margin, shortened to fit. */
    public void line(String value, PDFont font, float size, float leading) throws IOException {
        y -= size + leading;
        text(fit(value, font, size, WIDTH), font, size, MARGIN, y);
    }

    /**
     * Writes text wrapped at word boundaries to {@code maxWidth}, one line per {@code lineHeight},
     * starting one line below the current position. "\n" starts a new line.
     */
    public void paragraph(String value, PDFont font, float size, float lineHeight, float x, float maxWidth)
            throws IOException {
        for (String wrapped : wrap(value, font, size, maxWidth)) {
            keepTogether(lineHeight);
            y -= lineHeight;
            text(wrapped, font, size, x, y);
        }
    }

    /**
     * Moves down one line of {@code lineHeight} and writes a grey label at the margin with its value
     * starting {@code valueOffset} to the right, the value shortened to fit the page.
     */
    public void field(String label, String value, PDFont valueFont, float size, float valueOffset, float lineHeight)
            throws IOException {
        keepTogether(lineHeight);
        y -= lineHeight;
        grey();
        text(fit(label, regular, size, valueOffset - 8), regular, size, MARGIN, y);
        black();
        text(fit(value, valueFont, size, WIDTH - valueOffset), valueFont, size, MARGIN + valueOffset, y);
    }

    /** Text whose left end is at {@code x}; the value is sanitized, not shortened. */
    public void text(String value, PDFont font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(sanitize(value, font));
        stream.endText();
    }

    /** Text whose right end is at {@code right}: figures in a column line up on the cents. */
    public void textRight(String value, PDFont font, float size, float right, float baseline) throws IOException {
        text(value, font, size, right - width(value, font, size), baseline);
    }

    public void grey() throws IOException {
        stream.setNonStrokingColor(0.4f, 0.4f, 0.4f);
    }

    public void black() throws IOException {
        stream.setNonStrokingColor(0f, 0f, 0f);
    }

    /** A horizontal line at {@code atY}; {@code shade} 0 is black, 1 white. */
    public void rule(float fromX, float toX, float atY, float shade, float lineWidth) throws IOException {
        stream.setStrokingColor(shade, shade, shade);
        stream.setLineWidth(lineWidth);
        stream.moveTo(fromX, atY);
        stream.lineTo(toX, atY);
        stream.stroke();
    }

    /** A light grey outline, used to frame the figures a reader looks for first. */
    public void box(float x, float bottom, float width, float height) throws IOException {
        stream.setStrokingColor(0.75f, 0.75f, 0.75f);
        stream.setLineWidth(0.75f);
        stream.addRect(x, bottom, width, height);
        stream.stroke();
    }

    /** A filled rectangle; {@code shade} 0 is black, 1 white. Restores black text afterwards. */
    public void fill(float x, float bottom, float width, float height, float shade) throws IOException {
        stream.setNonStrokingColor(shade, shade, shade);
        stream.addRect(x, bottom, width, height);
        stream.fill();
        black();
    }

    /**
     * A titled table across the page width. When it runs into the footer it continues on a new page
     * with "(continued)" and the column header repeated; with no rows it prints {@code emptyMessage}.
     */
    public void table(String title, List<Column> columns, List<Row> rows, String emptyMessage) throws IOException {
        // Keep the title with its header row and at least one row: no orphaned titles.
        if (y - (20 + 2 * ROW_HEIGHT + 6) < CONTENT_BOTTOM) {
            newPage();
        }
        y -= 14;
        text(title, bold, 13, MARGIN, y);
        y -= 8;
        columnHeader(columns);
        if (rows.isEmpty()) {
            y -= ROW_HEIGHT;
            grey();
            text(emptyMessage, regular, TABLE_FONT_SIZE, MARGIN + CELL_PADDING, y + 4);
            black();
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (y - ROW_HEIGHT < CONTENT_BOTTOM) {
                newPage();
                y -= 10;
                grey();
                text(title + " (continued)", regular, 9, MARGIN, y);
                black();
                y -= 6;
                columnHeader(columns);
            }
            row(columns, rows.get(i), i % 2 == 1);
        }
    }

    private void columnHeader(List<Column> columns) throws IOException {
        y -= ROW_HEIGHT;
        float x = MARGIN;
        for (Column column : columns) {
            cell(column.title(), bold, column, x, y + 4);
            x += column.width();
        }
        rule(MARGIN, MARGIN + WIDTH, y, 0.3f, 0.75f);
    }

    private void row(List<Column> columns, Row row, boolean shaded) throws IOException {
        y -= ROW_HEIGHT;
        if (shaded) {
            // Zebra stripes help the eye follow a row across many columns of figures.
            stream.setNonStrokingColor(0.95f, 0.95f, 0.95f);
            stream.addRect(MARGIN, y, WIDTH, ROW_HEIGHT);
            stream.fill();
        }
        if (row.muted()) {
            grey();
        } else {
            black();
        }
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            cell(row.cells().get(c), regular, columns.get(c), x, y + 4);
            x += columns.get(c).width();
        }
        black();
    }

    private void cell(String value, PDFont font, Column column, float x, float baseline) throws IOException {
        float available = column.width() - 2 * CELL_PADDING;
        String fitted = fit(value, font, TABLE_FONT_SIZE, available);
        if (column.numeric()) {
            float width = width(fitted, font, TABLE_FONT_SIZE);
            text(fitted, font, TABLE_FONT_SIZE, x + column.width() - CELL_PADDING - width, baseline);
        } else {
            text(fitted, font, TABLE_FONT_SIZE, x + CELL_PADDING, baseline);
        }
    }

    /** Shortens text with an ellipsis so a long name never overprints the next column. */
    public static String fit(String value, PDFont font, float size, float maxWidth) throws IOException {
        String clean = sanitize(value, font);
        if (width(clean, font, size) <= maxWidth) {
            return clean;
        }
        // No line on a Letter page holds more than a few hundred characters; cap before trimming.
        if (clean.length() > 300) {
            clean = clean.substring(0, 300);
        }
        if (width(clean, font, size) <= maxWidth) {
            return clean;
        }
        int end = clean.length();
        while (end > 0 && width(clean.substring(0, end) + "…", font, size) > maxWidth) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}, at spaces where it can; a single word
     * wider than a line is shortened with an ellipsis. "\n" always starts a new line.
     */
    public static List<String> wrap(String value, PDFont font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String text = value == null ? "" : value;
        for (String source : text.split("\\R", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : sanitize(source, font).trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    if (!current.isEmpty()) {
                        lines.add(current.toString());
                    }
                    current.setLength(0);
                    current.append(fit(word, font, size, maxWidth));
                }
            }
            lines.add(current.toString());
        }
        return lines;
    }

    public static float width(String value, PDFont font, float size) throws IOException {
        return font.getStringWidth(sanitize(value, font)) / 1000 * size;
    }

    /**
     * The standard Helvetica font only has the WinAnsi characters. A customer's name can hold
     * anything (CJK, emoji), and PDFBox throws on a character it cannot encode, so each such
     * character becomes '?' and each tab or line break a space. With no font (document metadata,
     * which is Unicode) only the control characters are replaced.
     */
    public static String sanitize(String value, PDFont font) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (font == null || encodable(codePoint, font)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(int codePoint, PDFont font) {
        if (codePoint >= 0x20 && codePoint < 0x7F) {
            return true;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Footers are drawn last because "of M" is only known once every page exists. */
    private static void footers(PDDocument document, String footerText) throws IOException {
        PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        int pageCount = document.getNumberOfPages();
        for (int i = 0; i < pageCount; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.setStrokingColor(0.75f, 0.75f, 0.75f);
                footer.setLineWidth(0.5f);
                footer.moveTo(MARGIN, FOOTER_BASELINE + 12);
                footer.lineTo(MARGIN + WIDTH, FOOTER_BASELINE + 12);
                footer.stroke();
                footer.setNonStrokingColor(0.4f, 0.4f, 0.4f);

                String pageLabel = "Page " + (i + 1) + " of " + pageCount;
                float labelWidth = width(pageLabel, regular, 8);
                String left = fit(footerText, regular, 8, WIDTH - labelWidth - 24);
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(MARGIN, FOOTER_BASELINE);
                footer.showText(left);
                footer.endText();
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(MARGIN + WIDTH - labelWidth, FOOTER_BASELINE);
                footer.showText(pageLabel);
                footer.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}

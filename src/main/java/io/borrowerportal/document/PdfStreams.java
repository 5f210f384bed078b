package io.borrowerportal.document;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds "decompression bombs" inside a PDF before anything draws it: every stream is unpacked through PDFBox's
 * own filters into a counter that stops at a limit, so checking a stream that inflates to gigabytes reads at
 * most the limit and keeps nothing. (PDFBox 3 unpacks a stream into memory whole when a page is drawn, whatever
 * stream cache the document has.) Pictures stored as JPEG, JPEG 2000, JBIG2 or fax are decoded by image readers
 * that can subsample, so their declared pixel count is checked instead of their bytes.
 */
final class PdfStreams {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private PdfStreams() {
    }

    /** @throws DocumentRefusedException when a stream unpacks to more than {@code maxBytes} or a picture is too large */
    static void check(PDDocument pdf, long maxBytes, long maxPixels) throws IOException {
        for (COSObjectKey key : new ArrayList<>(pdf.getDocument().getXrefTable().keySet())) {
            COSObject object = pdf.getDocument().getObjectFromPool(key);
            if (object != null && object.getObject() instanceof COSStream stream) {
                check(stream, maxBytes, maxPixels);
            }
        }
    }

    private static void check(COSStream stream, long maxBytes, long maxPixels) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            long width = stream.getLong(COSName.WIDTH, stream.getLong(COSName.W, 0));
            long height = stream.getLong(COSName.HEIGHT, stream.getLong(COSName.H, 0));
            if (width > FileChecks.MAX_IMAGE_SIDE || height > FileChecks.MAX_IMAGE_SIDE || width * height > maxPixels) {
                throw tooLarge();
            }
        }
        if (filters.isEmpty() || filters.stream().anyMatch(IMAGE_CODECS::contains)) {
            // Unfiltered streams are as large as the file, which is already within the size limit.
            return;
        }
        InputStream in = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                boolean last = i == filters.size() - 1;
                // Between two filters the bytes are kept (at most the limit); after the last only counted.
                Budget out = new Budget(maxBytes, !last);
                filter.decode(in, out, stream, i);
                in.close();
                in = last ? InputStream.nullInputStream() : out.kept();
            }
        } finally {
            in.close();
        }
    }

    private static List<COSName> filters(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name);
                } else if (item instanceof COSObject ref && ref.getObject() instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static DocumentRefusedException tooLarge() {
        return new DocumentRefusedException("file", "Part of this PDF unpacks to far more than a document needs, so it "
                + "cannot be kept. Save or print it to a new PDF and upload that copy.");
    }

    /** Counts what a filter writes and stops it, by refusing, once it passes the limit. */
    private static final class Budget extends OutputStream {

        private final long max;
        private final ByteArrayOutputStream kept;
        private long written;

        Budget(long max, boolean keep) {
            this.max = max;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            add(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            add(length);
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }

        private void add(long bytes) {
            written += bytes;
            if (written > max) {
                throw tooLarge();
            }
        }

        InputStream kept() {
            return new ByteArrayInputStream(kept.toByteArray());
        }
    }
}

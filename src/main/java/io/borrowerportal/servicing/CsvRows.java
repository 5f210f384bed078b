package io.borrowerportal.servicing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One import file read row by row (never whole), with RFC 4180 quoting by Apache Commons CSV, strictly as UTF-8
 * (a byte that is not UTF-8 stops the file with its line, instead of becoming a replacement character in a name),
 * its header checked against the file's columns, and each row's first physical line kept for the report.
 */
final class CsvRows implements Iterator<CsvRows.Row>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private final ImportFile file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private long linesRead;
    private Row next;

    private CsvRows(ImportFile file, Path path) throws IOException {
        this.file = file;
        this.parser = FORMAT.parse(new StrictUtf8Reader(Files.newInputStream(path)));
        this.records = parser.iterator();
    }

    /** Opens the file and checks its header; a {@link FileRefused} names every missing, unknown or repeated column. */
    static CsvRows open(ImportFile file, Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new FileRefused(new ImportProblem(file.fileName(), 0, null, "The file is missing."));
        }
        CsvRows rows;
        try {
            rows = new CsvRows(file, path);
        } catch (IOException e) {
            throw new FileRefused(new ImportProblem(file.fileName(), 0, null, "The file cannot be read."));
        }
        try {
            rows.readHeader();
            return rows;
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private void readHeader() {
        CSVRecord header = nextRecord();
        if (header == null) {
            throw new FileRefused(new ImportProblem(file.fileName(), 1, null,
                    "The file is empty; its first line names the columns: " + String.join(",", file.columns()) + "."));
        }
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!file.columns().contains(name)) {
                problems.add(new ImportProblem(file.fileName(), 1, name, "Unknown column \"" + clip(name) + "\"; the columns are "
                        + String.join(", ", file.columns()) + "."));
            } else if (!seen.add(name)) {
                problems.add(new ImportProblem(file.fileName(), 1, name, "The column is named twice."));
            } else {
                columns.put(name, i);
            }
        }
        for (String column : file.columns()) {
            if (!columns.containsKey(column)) {
                problems.add(new ImportProblem(file.fileName(), 1, column, "The column " + column
                        + " is missing from the header (it may be left empty in the rows, but it must be named)."));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileRefused(problems);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            long start = linesRead + 1;
            CSVRecord record = nextRecord();
            if (record != null) {
                next = new Row(file, start, record, columns);
            }
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    /** The next row without taking it, or null at the end. */
    Row peek() {
        return hasNext() ? next : null;
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesRead = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BadEncoding bad) {
                throw new FileRefused(new ImportProblem(file.fileName(), bad.line, null, "The file is not UTF-8: line "
                        + bad.line + " holds bytes that are not UTF-8 text. Save or export the file as UTF-8 and import it "
                        + "again."));
            }
            throw new FileRefused(new ImportProblem(file.fileName(), linesRead + 1, null,
                    "The file is not valid CSV from here on (RFC 4180: a quoted cell ends with a quote before the next "
                            + "comma or line end; a quote inside it is doubled)."));
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Read-only: nothing is lost when closing fails.
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A data row: its first line in the file and its cells by column name (blank cells are null). */
    record Row(ImportFile file, long line, CSVRecord record, Map<String, Integer> columns) {

        String cell(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isBlank() ? null : value;
        }

        boolean complete() {
            return record.size() == columns.size();
        }

        int size() {
            return record.size();
        }
    }

    /** The file as a whole cannot be imported: nothing of the run is written. */
    static final class FileRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<ImportProblem> problems;

        FileRefused(ImportProblem problem) {
            this(List.of(problem));
        }

        FileRefused(List<ImportProblem> problems) {
            super(problems.getFirst().toString());
            this.problems = List.copyOf(problems);
        }

        List<ImportProblem> problems() {
            return problems;
        }
    }

    /** Bytes that are not UTF-8, found on this line (counted from 1). */
    static final class BadEncoding extends IOException {

        private static final long serialVersionUID = 1L;
        final long line;

        BadEncoding(long line) {
            super("Not UTF-8 on line " + line);
            this.line = line;
        }
    }

    /**
     * Decodes UTF-8 strictly, counting line ends as it goes, so bad bytes are reported on their own line however
     * far the CSV parser has read ahead. A leading byte-order mark (spreadsheets write one) is dropped.
     */
    static final class StrictUtf8Reader extends Reader {

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
        private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
        private long line = 1;
        private boolean eof;
        private boolean started;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, chars.remaining());
            chars.get(target, offset, n);
            return n;
        }

        private boolean fill() throws IOException {
            chars.clear();
            while (chars.position() == 0) {
                if (eof && !bytes.hasRemaining()) {
                    decoder.flush(chars);
                    if (chars.position() == 0) {
                        chars.flip();
                        return false;
                    }
                    break;
                }
                if (!eof) {
                    bytes.compact();
                    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (read < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + read);
                    }
                    bytes.flip();
                }
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    throw new BadEncoding(line + newlines(chars.position()));
                }
            }
            line += newlines(chars.position());
            chars.flip();
            if (!started) {
                started = true;
                if (chars.hasRemaining() && chars.get(0) == '\uFEFF') {
                    chars.get();
                }
            }
            return true;
        }

        private long newlines(int upTo) {
            long count = 0;
            for (int i = 0; i < upTo; i++) {
                if (chars.get(i) == '\n') {
                    count++;
                }
            }
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package io.borrowerportal.payment.ach;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a NACHA file (one of ours, or a bank's return file) and checks it against itself before anyone
 * acts on it: every record 94 characters, records in the order 1, (5, 6/7..., 8)..., 9, filler, and
 * the counts, entry hash and dollar totals of every batch control and the file control match the
 * entries. A file that fails is refused whole with a {@link NachaFormatException} naming the line,
 * because posting half of a damaged return file would reverse some payments and silently miss others.
 */
public final class NachaReader {

    private static final long HASH_MODULUS = 10_000_000_000L;

    private final List<String> lines;
    private int index;

    private NachaReader(List<String> lines) {
        this.lines = lines;
    }

    public static NachaFile read(String content) {
        if (content == null) {
            throw new NachaFormatException("There is no file content to read");
        }
        return new NachaReader(splitLines(content)).readFile();
    }

    /** Debit transaction codes end in 6-9 (26 returns, 27 debits, 28 prenotes, 29 zero-dollar), credits in 1-4. */
    static boolean isDebitCode(int transactionCode) {
        int kind = transactionCode % 10;
        return kind >= 6 && kind <= 9;
    }

    static boolean isCreditCode(int transactionCode) {
        int kind = transactionCode % 10;
        return kind >= 1 && kind <= 4;
    }

    /** Lines without their "\n" or "\r\n"; a byte-order mark and blank lines at the end are dropped. */
    static List<String> splitLines(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> result = new ArrayList<>(text.length() / (Fields.RECORD_LENGTH + 1) + 1);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            result.add(text.substring(start, stop));
            start = end + 1;
        }
        while (!result.isEmpty() && result.getLast().isBlank()) {
            result.removeLast();
        }
        return result;
    }

    private NachaFile readFile() {
        if (lines.isEmpty()) {
            throw new NachaFormatException("The file is empty");
        }
        NachaFile.FileHeader header = readFileHeader();
        List<NachaFile.Batch> batches = new ArrayList<>();
        while (true) {
            if (index >= lines.size()) {
                throw new NachaFormatException("The file ends at line " + lines.size()
                        + " without a file control record (a line starting with 9)");
            }
            char type = recordType();
            if (type == '5') {
                batches.add(readBatch());
            } else if (type == '9') {
                break;
            } else {
                throw problem("expected a batch header (5) or the file control (9), but found "
                        + describe(type) + (type == '6' ? "; entries must come after a batch header" : ""));
            }
        }
        NachaFile.FileControl control = readFileControl(batches);
        return new NachaFile(header, batches, control);
    }

    private NachaFile.FileHeader readFileHeader() {
        String line = line();
        if (line.charAt(0) != '1') {
            throw problem("a NACHA file must start with a file header (a line starting with 1), but this is "
                    + describe(line.charAt(0)));
        }
        NachaFile.FileHeader header = new NachaFile.FileHeader(
                text(line, 2, 3), text(line, 4, 13), text(line, 14, 23), date(line, 24, "file creation date"),
                line.substring(29, 33), line.charAt(33), text(line, 41, 63), text(line, 64, 86), text(line, 87, 94));
        index++;
        return header;
    }

    private NachaFile.Batch readBatch() {
        String line = line();
        int headerLine = lineNumber();
        String effective = line.substring(69, 75);
        NachaFile.BatchHeader header = new NachaFile.BatchHeader(
                headerLine, (int) number(line, 2, 4, "service class code"), text(line, 5, 20), text(line, 21, 40),
                text(line, 41, 50), text(line, 51, 53), text(line, 54, 63), text(line, 64, 69),
                effective.isBlank() ? Optional.empty() : Optional.of(date(line, 70, "effective entry date")),
                text(line, 76, 78), line.charAt(78), text(line, 80, 87), (int) number(line, 88, 94, "batch number"));
        index++;

        List<NachaFile.Entry> entries = new ArrayList<>();
        int records = 0;
        long hash = 0;
        long debitCents = 0;
        long creditCents = 0;
        while (true) {
            if (index >= lines.size()) {
                throw new NachaFormatException(headerLine, "the batch that starts here has no batch control (a line starting with 8)");
            }
            char type = recordType();
            if (type == '8') {
                break;
            }
            if (type != '6') {
                throw problem("expected an entry (6) or the batch control (8), but found " + describe(type)
                        + (type == '7' ? " that does not belong to an entry with its addenda indicator set" : ""));
            }
            NachaFile.Entry entry = readEntry();
            entries.add(entry);
            records += 1 + entry.addenda().size();
            hash += Long.parseLong(entry.routingNumber().substring(0, 8));
            long cents = entry.amount().unscaledValue().longValueExact();
            if (entry.isDebit()) {
                debitCents += cents;
            } else {
                creditCents += cents;
            }
        }
        hash %= HASH_MODULUS;

        line = line();
        NachaFile.BatchControl control = new NachaFile.BatchControl(
                (int) number(line, 2, 4, "service class code"), (int) number(line, 5, 10, "entry/addenda count"),
                number(line, 11, 20, "entry hash"), cents(number(line, 21, 32, "total debit amount")),
                cents(number(line, 33, 44, "total credit amount")), text(line, 45, 54), text(line, 80, 87),
                (int) number(line, 88, 94, "batch number"));
        if (control.serviceClassCode() != header.serviceClassCode()) {
            throw problem("the batch control has service class " + control.serviceClassCode()
                    + " but its batch header on line " + headerLine + " has " + header.serviceClassCode());
        }
        if (control.batchNumber() != header.batchNumber()) {
            throw problem("the batch control is for batch number " + control.batchNumber()
                    + " but its batch header on line " + headerLine + " is batch " + header.batchNumber());
        }
        checkCount("batch control", control.entryAddendaCount(), records);
        checkHash("batch control", control.entryHash(), hash);
        checkTotal("batch control", "debit", control.totalDebit(), debitCents);
        checkTotal("batch control", "credit", control.totalCredit(), creditCents);
        index++;
        return new NachaFile.Batch(header, entries, control);
    }

    private NachaFile.Entry readEntry() {
        String line = line();
        int entryLine = lineNumber();
        int transactionCode = (int) number(line, 2, 3, "transaction code");
        if (!isDebitCode(transactionCode) && !isCreditCode(transactionCode)) {
            throw problem("transaction code " + line.substring(1, 3) + " is neither a debit nor a credit code");
        }
        String routing = line.substring(3, 12);
        if (!Fields.isDigits(routing, 9, 9)) {
            throw problem("the routing number (positions 4-12) must be 9 digits, not '" + routing + "'");
        }
        if (!Fields.isRoutingNumber(routing)) {
            throw problem("routing number " + routing + " has a wrong check digit (position 12)");
        }
        BigDecimal amount = cents(number(line, 30, 39, "amount"));
        char indicator = line.charAt(78);
        if (indicator != '0' && indicator != '1') {
            throw problem("the addenda indicator (position 79) must be 0 or 1, not '" + indicator + "'");
        }
        String trace = line.substring(79, 94);
        if (!Fields.isDigits(trace, 15, 15)) {
            throw problem("the trace number (positions 80-94) must be 15 digits, not '" + trace + "'");
        }
        index++;

        List<NachaFile.Addenda> addenda = new ArrayList<>(1);
        while (index < lines.size() && recordType() == '7') {
            if (indicator == '0') {
                throw problem("an addenda record follows the entry on line " + entryLine
                        + ", but that entry's addenda indicator (position 79) says it has none");
            }
            addenda.add(readAddenda());
        }
        if (indicator == '1' && addenda.isEmpty()) {
            throw new NachaFormatException(entryLine, "the entry's addenda indicator (position 79) says an addenda "
                    + "record follows, but the next line is not an addenda (7)");
        }
        return new NachaFile.Entry(entryLine, transactionCode, routing, text(line, 13, 29), amount,
                text(line, 40, 54), text(line, 55, 76), line.substring(76, 78).strip(), trace, addenda);
    }

    private NachaFile.Addenda readAddenda() {
        String line = line();
        String typeCode = line.substring(1, 3);
        NachaFile.Addenda addenda;
        if ("99".equals(typeCode)) {
            String reason = text(line, 4, 6);
            if (reason.isEmpty()) {
                throw problem("the return addenda has no return reason code (positions 4-6)");
            }
            String originalTrace = line.substring(6, 21);
            if (!Fields.isDigits(originalTrace, 15, 15)) {
                throw problem("the original trace number (positions 7-21) must be 15 digits, not '" + originalTrace + "'");
            }
            String originalDfi = line.substring(27, 35);
            if (!Fields.isDigits(originalDfi, 8, 8)) {
                throw problem("the original receiving bank id (positions 28-35) must be 8 digits, not '" + originalDfi + "'");
            }
            addenda = new NachaFile.Addenda(lineNumber(), typeCode, reason, originalTrace, originalDfi, text(line, 36, 79));
        } else {
            addenda = new NachaFile.Addenda(lineNumber(), typeCode, "", "", "", text(line, 4, 83));
        }
        index++;
        return addenda;
    }

    private NachaFile.FileControl readFileControl(List<NachaFile.Batch> batches) {
        String line = line();
        NachaFile.FileControl control = new NachaFile.FileControl(
                (int) number(line, 2, 7, "batch count"), (int) number(line, 8, 13, "block count"),
                (int) number(line, 14, 21, "entry/addenda count"), number(line, 22, 31, "entry hash"),
                cents(number(line, 32, 43, "total debit amount")), cents(number(line, 44, 55, "total credit amount")));
        if (control.batchCount() != batches.size()) {
            throw problem("the file control says the file has " + control.batchCount() + " batches, but it has "
                    + batches.size());
        }
        long records = 0;
        long hash = 0;
        long debitCents = 0;
        long creditCents = 0;
        for (NachaFile.Batch batch : batches) {
            records += batch.control().entryAddendaCount();
            hash += batch.control().entryHash();
            debitCents += batch.control().totalDebit().unscaledValue().longValueExact();
            creditCents += batch.control().totalCredit().unscaledValue().longValueExact();
        }
        checkCount("file control", control.entryAddendaCount(), records);
        checkHash("file control", control.entryHash(), hash % HASH_MODULUS);
        checkTotal("file control", "debit", control.totalDebit(), debitCents);
        checkTotal("file control", "credit", control.totalCredit(), creditCents);
        int controlLine = lineNumber();
        index++;
        while (index < lines.size()) {
            String filler = line();
            if (!filler.chars().allMatch(c -> c == '9')) {
                throw problem("only filler lines of 94 nines may follow the file control on line " + controlLine
                        + ", but this is " + describe(filler.charAt(0)));
            }
            index++;
        }
        int blocks = (lines.size() + 9) / 10;
        if (control.blockCount() != blocks) {
            throw new NachaFormatException(controlLine, "the file control says the file has " + control.blockCount()
                    + " blocks of ten lines, but its " + lines.size() + " lines make " + blocks);
        }
        return control;
    }

    /** The current line, checked for length. */
    private String line() {
        String line = lines.get(index);
        if (line.length() != Fields.RECORD_LENGTH) {
            throw problem("every line of a NACHA file must be exactly 94 characters long, but this one has "
                    + line.length());
        }
        return line;
    }

    private char recordType() {
        String line = lines.get(index);
        return line.isEmpty() ? ' ' : line.charAt(0);
    }

    private int lineNumber() {
        return index + 1;
    }

    private NachaFormatException problem(String what) {
        return new NachaFormatException(lineNumber(), what);
    }

    private void checkCount(String record, long stated, long actual) {
        if (stated != actual) {
            throw problem("the " + record + " says there are " + stated + " entries and addenda, but there are " + actual);
        }
    }

    private void checkHash(String record, long stated, long actual) {
        if (stated != actual) {
            throw problem("the " + record + " entry hash is " + stated + ", but the routing numbers of the entries add up to "
                    + actual + " (the entries or the control record were changed or cut)");
        }
    }

    private void checkTotal(String record, String kind, BigDecimal stated, long actualCents) {
        BigDecimal actual = cents(actualCents);
        if (stated.compareTo(actual) != 0) {
            throw problem("the " + record + " total " + kind + " is $" + stated.toPlainString() + ", but the " + kind
                    + " entries add up to $" + actual.toPlainString());
        }
    }

    /** A required numeric field at 1-based positions {@code from}-{@code to}, as the NACHA layouts number them. */
    private long number(String line, int from, int to, String what) {
        long value = 0;
        for (int i = from - 1; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw problem("the " + what + " (positions " + from + "-" + to + ") must be digits, not '"
                        + line.substring(from - 1, to) + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private LocalDate date(String line, int from, String what) {
        int year = (int) number(line, from, from + 1, what);
        int month = (int) number(line, from + 2, from + 3, what);
        int day = (int) number(line, from + 4, from + 5, what);
        try {
            return LocalDate.of(2000 + year, month, day);
        } catch (DateTimeException e) {
            throw problem("the " + what + " (positions " + from + "-" + (from + 5) + ") is not a date in YYMMDD form: '"
                    + line.substring(from - 1, from + 5) + "'");
        }
    }

    private static String text(String line, int from, int to) {
        return line.substring(from - 1, to).strip();
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String describe(char type) {
        return switch (type) {
            case '1' -> "a file header (1)";
            case '5' -> "a batch header (5)";
            case '6' -> "an entry (6)";
            case '7' -> "an addenda record (7)";
            case '8' -> "a batch control (8)";
            case '9' -> "a file control (9)";
            case ' ' -> "an empty line";
            default -> "a line starting with '" + type + "', which is not a NACHA record type";
        };
    }
}

package io.borrowerportal.payment.ach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a debit-only WEB file: a file header, one batch (service class 225) with an entry per debit,
 * the batch and file controls, and all-9 filler records up to a multiple of ten lines (blocking
 * factor 10). Every record is 94 characters and ends with "\n".
 *
 * <p>Each record is filled into one reused character array, with no formatting calls per field, so a
 * file of 100,000 debits takes milliseconds rather than seconds. Every entry carries the WEB payment
 * type code in positions 77-78: "S " for a single entry (a one-time payment), "R " for a recurring one
 * (a standing instruction the customer authorized).
 */
public final class NachaWriter {

    /** Largest batch: the entry/addenda count in the batch control has six digits. */
    static final int MAX_ENTRIES = 999_999;
    /** The last 7 digits of a trace number. */
    public static final long MAX_TRACE_SEQUENCE = 9_999_999L;
    private static final long HASH_MODULUS = 10_000_000_000L;
    private static final long TOTAL_MAX_CENTS = 999_999_999_999L;
    private static final int BLOCKING_FACTOR = 10;
    private static final char[] FILLER = new char[Fields.RECORD_LENGTH];

    static {
        Arrays.fill(FILLER, '9');
    }

    private final char[] line = new char[Fields.RECORD_LENGTH + 1];
    private final Appendable out;

    private NachaWriter(Appendable out) {
        this.out = out;
        line[Fields.RECORD_LENGTH] = '\n';
    }

    /**
     * Writes the file to {@code out}.
     *
     * @param effectiveEntryDate the day the customer's account is to be debited; the caller picks a
     *                           business day (see {@code BusinessCalendar})
     * @param fileIdModifier     A-Z or 0-9, different for each file sent to the bank on the same day
     * @throws IllegalArgumentException when there is nothing to export or the file would overflow a field
     */
    public static NachaResult write(AchOrigin origin, LocalDate effectiveEntryDate, LocalDateTime fileCreation,
                                    char fileIdModifier, List<AchDebit> debits, Appendable out) {
        return write(origin, effectiveEntryDate, fileCreation, fileIdModifier, debits, 1, out);
    }

    /**
     * Writes the file with trace numbers from {@code firstTraceSequence} on. Returns are matched to payments by
     * trace number alone, so an originator numbers on across files: a trace number is never given twice.
     *
     * @param firstTraceSequence the 7-digit sequence part of the first entry's trace number (1 for a first file)
     */
    public static NachaResult write(AchOrigin origin, LocalDate effectiveEntryDate, LocalDateTime fileCreation,
                                    char fileIdModifier, List<AchDebit> debits, long firstTraceSequence,
                                    Appendable out) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(effectiveEntryDate, "effectiveEntryDate");
        Objects.requireNonNull(fileCreation, "fileCreation");
        Objects.requireNonNull(out, "out");
        if (debits == null || debits.isEmpty()) {
            throw new IllegalArgumentException("There is nothing to export: the list of debits is empty");
        }
        if (debits.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("A file holds at most " + MAX_ENTRIES + " debits, not " + debits.size());
        }
        if (firstTraceSequence < 1 || firstTraceSequence + debits.size() - 1 > MAX_TRACE_SEQUENCE) {
            throw new IllegalArgumentException("Trace sequence numbers run from 1 to " + MAX_TRACE_SEQUENCE
                    + "; " + debits.size() + " debits from " + firstTraceSequence + " do not fit");
        }
        char modifier = Character.toUpperCase(fileIdModifier);
        if (!(modifier >= 'A' && modifier <= 'Z') && !(modifier >= '0' && modifier <= '9')) {
            throw new IllegalArgumentException("The file id modifier must be a letter A-Z or a digit, not '" + fileIdModifier + "'");
        }
        try {
            return new NachaWriter(out).writeFile(origin, effectiveEntryDate, fileCreation, modifier, debits,
                    firstTraceSequence);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the NACHA file", e);
        }
    }

    private NachaResult writeFile(AchOrigin origin, LocalDate effectiveEntryDate, LocalDateTime fileCreation,
                                  char modifier, List<AchDebit> debits, long firstTraceSequence) throws IOException {
        String odfi = origin.odfiIdentification();
        int count = debits.size();

        clear();
        line[0] = '1';
        putDigits(1, 2, 1);
        line[3] = ' ';
        putText(4, 9, origin.immediateDestination());
        putText(13, 10, origin.immediateOrigin());
        putDate(23, fileCreation.toLocalDate());
        putDigits(29, 2, fileCreation.getHour());
        putDigits(31, 2, fileCreation.getMinute());
        line[33] = modifier;
        putText(34, 3, "094");
        putText(37, 2, "10");
        line[39] = '1';
        putText(40, 23, origin.immediateDestinationName());
        putText(63, 23, origin.immediateOriginName());
        emit();

        clear();
        line[0] = '5';
        putText(1, 3, "225");
        putText(4, 16, origin.companyName());
        putText(40, 10, origin.companyId());
        putText(50, 3, "WEB");
        putText(53, 10, origin.companyEntryDescription());
        putDate(69, effectiveEntryDate);
        line[78] = '1';
        putText(79, 8, odfi);
        putDigits(87, 7, 1);
        emit();

        List<String> traceNumbers = new ArrayList<>(count);
        long hash = 0;
        long totalCents = 0;
        long odfiPart = Long.parseLong(odfi) * 10_000_000L;
        for (int i = 0; i < count; i++) {
            AchDebit debit = debits.get(i);
            long cents = debit.cents();
            totalCents += cents;
            if (totalCents > TOTAL_MAX_CENTS) {
                throw new IllegalArgumentException("The debits add up to more than the file's total field holds (9,999,999,999.99)");
            }
            String routing = debit.routingNumber();
            hash += parseDigits(routing, 0, 8);
            String trace = fifteenDigits(odfiPart + firstTraceSequence + i);
            traceNumbers.add(trace);

            clear();
            line[0] = '6';
            putDigits(1, 2, debit.accountType().debitCode());
            putText(3, 9, routing);
            putText(12, 17, debit.accountNumber());
            putDigits(29, 10, cents);
            putName(39, 15, debit.individualId());
            putName(54, 22, debit.individualName());
            line[76] = debit.recurring() ? 'R' : 'S';
            line[78] = '0';
            putText(79, 15, trace);
            emit();
        }
        hash %= HASH_MODULUS;

        clear();
        line[0] = '8';
        putText(1, 3, "225");
        putDigits(4, 6, count);
        putDigits(10, 10, hash);
        putDigits(20, 12, totalCents);
        putDigits(32, 12, 0);
        putText(44, 10, origin.companyId());
        putText(79, 8, odfi);
        putDigits(87, 7, 1);
        emit();

        int records = count + 4;
        int blocks = (records + BLOCKING_FACTOR - 1) / BLOCKING_FACTOR;
        clear();
        line[0] = '9';
        putDigits(1, 6, 1);
        putDigits(7, 6, blocks);
        putDigits(13, 8, count);
        putDigits(21, 10, hash);
        putDigits(31, 12, totalCents);
        putDigits(43, 12, 0);
        emit();

        for (int filler = records; filler < blocks * BLOCKING_FACTOR; filler++) {
            System.arraycopy(FILLER, 0, line, 0, Fields.RECORD_LENGTH);
            emit();
        }
        return new NachaResult(traceNumbers, count, BigDecimal.valueOf(totalCents, 2), hash, blocks,
                blocks * BLOCKING_FACTOR);
    }

    private void clear() {
        Arrays.fill(line, 0, Fields.RECORD_LENGTH, ' ');
    }

    private void emit() throws IOException {
        switch (out) {
            case StringBuilder builder -> builder.append(line);
            case Writer writer -> writer.write(line);
            default -> out.append(new String(line));
        }
    }

    /** Left-justified; the value has been validated to fit and to be printable ASCII. */
    private void putText(int position, int width, String value) {
        int length = Math.min(width, value.length());
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            line[position + i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
    }

    /** Text a customer typed: cleaned, upper-cased and cut to the field. */
    private void putName(int position, int width, String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c >= 0x20 && c < 0x7F;
        }
        putText(position, width, plain ? value.strip() : Fields.sanitize(value));
    }

    /** Right-justified, zero-padded. */
    private void putDigits(int position, int width, long value) {
        long rest = value;
        for (int i = position + width - 1; i >= position; i--) {
            line[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        if (rest != 0 || value < 0) {
            throw new IllegalStateException(value + " does not fit a " + width + "-digit field");
        }
    }

    private void putDate(int position, LocalDate date) {
        putDigits(position, 2, date.getYear() % 100);
        putDigits(position + 2, 2, date.getMonthValue());
        putDigits(position + 4, 2, date.getDayOfMonth());
    }

    private static long parseDigits(String value, int from, int to) {
        long result = 0;
        for (int i = from; i < to; i++) {
            result = result * 10 + (value.charAt(i) - '0');
        }
        return result;
    }

    private static String fifteenDigits(long value) {
        char[] digits = new char[15];
        long rest = value;
        for (int i = 14; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }
}

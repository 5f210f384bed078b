package io.borrowerportal.payment.ach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A lender banking with routing number 021000021 and customers at three other banks, for the ACH tests. */
final class AchFixtures {

    static final LocalDate EFFECTIVE = LocalDate.parse("2026-03-17");
    static final LocalDateTime CREATED = LocalDateTime.parse("2026-03-16T14:05:33");

    /** Valid routing numbers (their check digits are right): the lender's bank and three customers' banks. */
    static final String LENDER_BANK = "021000021";
    static final String BANK_A = "111000025";
    static final String BANK_B = "121000358";
    static final String BANK_C = "011000015";

    private AchFixtures() {
    }

    static AchOrigin origin() {
        return new AchOrigin(LENDER_BANK, "JPMorgan Chase", "1234567890", "Example Lending LLC",
                "Example Lending", "1234567890", "LOAN PMT");
    }

    static AchDebit debit(String routing, String account, AccountType type, String amount, String id, String name) {
        return new AchDebit(routing, account, type, new BigDecimal(amount), id, name);
    }

    /** Pads or checks a hand-built record so a test's own file is exactly 94 characters a line. */
    static String record(String... pieces) {
        String line = String.join("", pieces);
        if (line.length() != 94) {
            throw new IllegalStateException("test record is " + line.length() + " characters: " + line);
        }
        return line;
    }

    static String left(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    static String zeros(long value, int width) {
        String digits = Long.toString(value);
        return "0".repeat(width - digits.length()) + digits;
    }

    /**
     * A bank's return file, built field by field: two of our debits (trace numbers ...0000001 and
     * ...0000002) come back R01 from a checking account (code 26) and R02 from a savings account (36).
     * A return is addressed to our bank, so the entries' receiving bank is 02100002 and the entry hash
     * is twice that; the entries' own trace numbers are the returning bank's.
     */
    static List<String> returnFileLines() {
        return new ArrayList<>(List.of(
                record("1", "01", " 021000021", "1111000025", "260319", "0600", "A", "094", "10", "1",
                        left("JPMORGAN CHASE", 23), left("FIRST RETURNING BANK", 23), left("", 8)),
                record("5", "225", left("EXAMPLE LENDING", 16), left("", 20), "1234567890", "WEB", left("LOAN PMT", 10),
                        left("", 6), "260317", "   ", "1", "11100002", "0000001"),
                record("6", "26", "02100002", "1", left("123456789", 17), zeros(25000, 10), left("PMT-1", 15),
                        left("JANE PUBLIC", 22), "  ", "1", "111000020000001"),
                record("7", "99", "R01", "021000020000001", left("", 6), "11100002", left("INSUFFICIENT", 44),
                        "111000020000001"),
                record("6", "36", "02100002", "1", left("9876543210123", 17), zeros(10000, 10), left("PMT-2", 15),
                        left("JOHN DOE", 22), "  ", "1", "111000020000002"),
                record("7", "99", "R02", "021000020000002", left("", 6), "12100035", left("", 44), "111000020000002"),
                record("8", "225", zeros(4, 6), zeros(4200004, 10), zeros(35000, 12), zeros(0, 12), "1234567890",
                        left("", 19), left("", 6), "11100002", "0000001"),
                record("9", zeros(1, 6), zeros(1, 6), zeros(4, 8), zeros(4200004, 10), zeros(35000, 12), zeros(0, 12),
                        left("", 39)),
                "9".repeat(94),
                "9".repeat(94)));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}

package io.borrowerportal.common;

/**
 * Personal data shortened for log lines and exception messages: enough for an operator to tell two apart
 * or recognise one they already know, not enough to read it from a log file. A log is copied, shipped and
 * kept longer than the database, and few of the people who read it may see customers' data.
 */
public final class Masking {

    private static final String HIDDEN = "***";

    private Masking() {
    }

    /** {@code jane.borrower@example.com} → {@code j***@example.com}; without an {@code @}, as {@link #text}. */
    public static String email(String address) {
        if (address == null) {
            return "null";
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return text(trimmed);
        }
        return trimmed.substring(0, 1) + HIDDEN + trimmed.substring(at);
    }

    /** {@code Jane Q. Borrower} → {@code J*** Q*** B***}: each word's first letter. */
    public static String name(String name) {
        if (name == null) {
            return "null";
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : trimmed.split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(word.codePointAt(0)).append(HIDDEN);
        }
        return out.toString();
    }

    /** The last four characters of an account or card number, the rest hidden: {@code ****6789}. */
    public static String lastFour(String number) {
        if (number == null) {
            return "null";
        }
        String trimmed = number.strip();
        return trimmed.length() <= 4 ? "****" : "****" + trimmed.substring(trimmed.length() - 4);
    }

    /** Anything else personal: its first character only. */
    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        return value.isEmpty() ? "" : value.substring(0, Math.min(1, value.length())) + HIDDEN;
    }
}

package io.borrowerportal.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data shortened for log lines and exception messages: enough for an operator to tell two apart
 * or recognise one they already know, not enough to read it from a log file. A log is copied, shipped and
 * kept longer than the database, and few of the people who read it may see customers' data.
 */
public final class Masking {

    private static final String HIDDEN = "***";
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"']+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

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
        return first(trimmed) + HIDDEN + trimmed.substring(at);
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
            out.append(first(word)).append(HIDDEN);
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
        return value.isEmpty() ? "" : first(value) + HIDDEN;
    }

    /** Every email address in a longer text (an SMTP server's error, an exception message) masked. */
    public static String emailsIn(String text) {
        if (text == null) {
            return "null";
        }
        return ADDRESS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(email(match.group())));
    }

    private static String first(String value) {
        return new String(Character.toChars(value.codePointAt(0)));
    }
}

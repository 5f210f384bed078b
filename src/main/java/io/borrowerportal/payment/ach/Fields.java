package io.borrowerportal.payment.ach;

import java.text.Normalizer;

/** Field rules shared by the records, the writer and the reader. */
final class Fields {

    static final int RECORD_LENGTH = 94;

    private Fields() {
    }

    static boolean isDigits(String value, int minLength, int maxLength) {
        if (value == null || value.length() < minLength || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** ABA routing number: nine digits whose weighted sum (3, 7, 1, ...) is a multiple of ten. */
    static boolean isRoutingNumber(String value) {
        if (!isDigits(value, 9, 9)) {
            return false;
        }
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (value.charAt(i) - '0') * weights[i];
        }
        return sum % 10 == 0;
    }

    static void requireRoutingNumber(String field, String value) {
        if (!isDigits(value, 9, 9)) {
            throw new IllegalArgumentException(field + " must be 9 digits, not '" + value + "'");
        }
        if (!isRoutingNumber(value)) {
            throw new IllegalArgumentException(field + " " + value + " is not a valid routing number (check digit)");
        }
    }

    /** Configured text (the lender's names and ids): printable ASCII only, never silently changed. */
    static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, not "
                    + value.length() + ": '" + value + "'");
        }
        requirePrintableAscii(field, value);
    }

    static void requireExactText(String field, String value, int length) {
        requireText(field, value, length);
        if (value.length() != length) {
            throw new IllegalArgumentException(field + " must be exactly " + length + " characters, not "
                    + value.length() + ": '" + value + "'");
        }
    }

    static void requirePrintableAscii(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(field + " may use only plain ASCII letters, digits and punctuation: '"
                        + value + "'");
            }
        }
    }

    /**
     * Text typed by people (names) made fit for a NACHA alphanumeric field: accents dropped to their base
     * letter ("José" becomes "JOSE"), control characters become spaces, other characters outside
     * printable ASCII are removed, letters are upper-cased and the ends trimmed.
     */
    static String sanitize(String value) {
        String text = value;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7E) {
                text = Normalizer.normalize(text, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(' ');
            } else if (c < 0x7F) {
                out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
        }
        return out.toString().strip();
    }
}

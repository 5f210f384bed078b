package io.borrowerportal.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A loan number as printed on statements: 4-20 letters, digits and inner dashes. Parsing a URL
 * segment never throws; a malformed one is simply not a loan number.
 */
public record LoanNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,18}[A-Z0-9]");

    public LoanNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a loan number: " + value);
        }
    }

    public static Optional<LoanNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(normalized).matches() ? Optional.of(new LoanNumber(normalized)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

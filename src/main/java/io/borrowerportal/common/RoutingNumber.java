package io.borrowerportal.common;

import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;

import java.util.Optional;
import java.util.regex.Pattern;

/** An ABA routing number: nine digits whose check digit the bank's checksum confirms. */
public record RoutingNumber(String digits) {

    public static final int LENGTH = 9;

    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{" + LENGTH + "}");

    public RoutingNumber {
        String problem = problem(digits).orElse(null);
        if (problem != null) {
            throw new InvalidValueException(problem);
        }
    }

    /** The number as typed, with spaces or dashes. */
    public static RoutingNumber of(String typed) {
        return new RoutingNumber(Digits.of(typed));
    }

    /** What is wrong with the typed number, in the customer's words, or empty when it is a routing number. */
    public static Optional<String> problem(String typed) {
        String number = Digits.of(typed);
        if (number == null || number.isEmpty()) {
            return Optional.of("Enter the routing number: the 9-digit number at the bottom left of your check.");
        }
        if (!NINE_DIGITS.matcher(number).matches()) {
            return Optional.of("Routing number must be exactly 9 digits. Use the 9-digit number at the bottom left of your check.");
        }
        if (!ABANumberCheckDigit.ABAN_CHECK_DIGIT.isValid(number)) {
            return Optional.of("Routing number " + number + " fails the bank's check digit. "
                    + "Check the 9-digit number at the bottom left of your check.");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return digits;
    }
}

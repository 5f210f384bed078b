package io.borrowerportal.common;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A card number that passed every check a form can make: digits only, a length the brand allows and the Luhn
 * check digit. It exists only on its way to the processor, which keeps it; {@link #toString} shows only the
 * last four digits, so a log line or an exception message cannot carry it.
 */
public final class CardNumber {

    public static final int MIN_DIGITS = 13;
    public static final int MAX_DIGITS = 19;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** The number as typed, with spaces or dashes ("4242 4242-4242 4242"). */
    public static CardNumber of(String typed) {
        problem(typed).ifPresent(message -> {
            throw new InvalidValueException(message);
        });
        return new CardNumber(Digits.of(typed));
    }

    /** What is wrong with the typed number, in the customer's words, or empty when it is a card number. */
    public static Optional<String> problem(String typed) {
        String number = Digits.of(typed);
        if (number == null || number.isEmpty()) {
            return Optional.of("Enter the card number from the front of your card.");
        }
        if (!DIGITS.matcher(number).matches()) {
            return Optional.of("Card number can contain only digits. Type the number as it appears on your card.");
        }
        if (number.length() < MIN_DIGITS || number.length() > MAX_DIGITS) {
            return Optional.of("Card number must have " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits; you entered " + number.length() + ". Check the number on the front of your card.");
        }
        if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(number)) {
            return Optional.of("Card number is not valid. Check the digits and try again.");
        }
        CardBrand brand = CardBrand.detect(number);
        if (!brand.allowsLength(number.length())) {
            String cards = brand == CardBrand.OTHER ? "This card's number"
                    : (brand == CardBrand.AMEX ? "An " : "A ") + brand.displayName() + " card number";
            return Optional.of(cards + " has " + lengths(brand.allowedLengths()) + " digits, not "
                    + number.length() + ". Check the digits and try again.");
        }
        return Optional.empty();
    }

    /** The digits, for the processor only. */
    public String digits() {
        return digits;
    }

    public CardBrand brand() {
        return CardBrand.detect(digits);
    }

    public String lastFour() {
        return Digits.lastFour(digits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber card && card.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return Digits.masked(lastFour());
    }

    private static String lengths(List<Integer> lengths) {
        if (lengths.size() == 1) {
            return String.valueOf(lengths.getFirst());
        }
        boolean contiguous = lengths.getLast() - lengths.getFirst() == lengths.size() - 1;
        if (contiguous) {
            return lengths.getFirst() + " to " + lengths.getLast();
        }
        return lengths.subList(0, lengths.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " or " + lengths.getLast();
    }
}

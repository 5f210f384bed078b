package io.borrowerportal.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Card networks the portal recognises from the leading digits (IIN) of a card number. The brand decides
 * how many digits a number may have and how long the security code is; {@link #OTHER} covers any
 * network we do not name, so a valid card is never refused just because its brand is unknown.
 */
public enum CardBrand {

    VISA("Visa", 3, 13, 16, 19),
    MASTERCARD("Mastercard", 3, range(16, 19)),
    AMEX("American Express", 4, 15),
    DISCOVER("Discover", 3, range(16, 19)),
    DINERS("Diners Club", 3, range(14, 19)),
    JCB("JCB", 3, range(16, 19)),
    UNIONPAY("UnionPay", 3, range(16, 19)),
    OTHER("Card", 3, range(16, 19));

    private final String displayName;
    private final int cvvLength;
    private final int[] lengths;

    CardBrand(String displayName, int cvvLength, int... lengths) {
        this.displayName = displayName;
        this.cvvLength = cvvLength;
        this.lengths = lengths;
    }

    public String displayName() {
        return displayName;
    }

    /** Digits in the card security code: four on the front of an American Express card, else three on the back. */
    public int cvvLength() {
        return cvvLength;
    }

    /** The card number lengths this network issues, ascending. */
    public List<Integer> allowedLengths() {
        return Arrays.stream(lengths).boxed().toList();
    }

    public boolean allowsLength(int length) {
        return Arrays.stream(lengths).anyMatch(allowed -> allowed == length);
    }

    /**
     * The brand for a card number, or for the first digits typed so far (the form shows the brand while the
     * customer types). Anything unrecognised, including null, empty or non-digit text, is {@link #OTHER}.
     * Discover is tested before UnionPay so that Discover's ranges win over UnionPay's broad "62".
     */
    public static CardBrand detect(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OTHER;
        }
        if (digits.startsWith("4")) {
            return VISA;
        }
        int two = prefix(digits, 2);
        int three = prefix(digits, 3);
        int four = prefix(digits, 4);
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (between(two, 51, 55) || between(four, 2221, 2720)) {
            return MASTERCARD;
        }
        if (four == 6011 || between(three, 644, 649) || two == 65) {
            return DISCOVER;
        }
        if (between(three, 300, 305) || two == 36 || two == 38 || two == 39) {
            return DINERS;
        }
        if (between(four, 3528, 3589)) {
            return JCB;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        return OTHER;
    }

    /** The first {@code length} digits as a number, or -1 when fewer digits have been typed. */
    private static int prefix(String digits, int length) {
        return digits.length() < length ? -1 : Integer.parseInt(digits, 0, length, 10);
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }

    private static int[] range(int low, int high) {
        return IntStream.rangeClosed(low, high).toArray();
    }
}

package io.borrowerportal.payment;

import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules for what a customer types into a card or bank account profile. Each check returns an empty
 * Optional when the value is acceptable, or a message the form shows as is: it says what is wrong and how
 * to fix it. The limits are public so the form fields enforce the same numbers.
 * <p>
 * A message may quote a routing number (it is printed on every check and identifies only the bank) but
 * never a card number, an account number or a security code: messages end up in the page, in logs and in
 * screenshots sent to support.
 */
public final class PaymentFields {

    public static final int CARD_NUMBER_MIN = 13;
    public static final int CARD_NUMBER_MAX = 19;
    public static final int ROUTING_NUMBER_LENGTH = 9;
    public static final int ACCOUNT_NUMBER_MIN = 4;
    public static final int ACCOUNT_NUMBER_MAX = 17;
    public static final int NICKNAME_MAX = 40;
    public static final int NAME_MAX = 60;
    /** Cards are issued for at most a few years; twenty covers every real card and catches a mistyped year. */
    public static final int EXPIRY_YEARS_AHEAD_MAX = 20;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    // Letters in any script (with combining accents), spaces, and . ' - ; the typographic apostrophe that
    // phone keyboards insert is an apostrophe too, so "O’Brien" passes.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M} .'’-]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
    /** Seven or more digits in a row, once spaces and dashes are gone: the shape of a card or account number. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}");

    private PaymentFields() {
    }

    /** The digits of a number typed with spaces or dashes ("4242 4242-4242 4242"); null stays null. */
    public static String digits(String raw) {
        return raw == null ? null : SEPARATORS.matcher(raw).replaceAll("");
    }

    public static Optional<String> cardNumber(String raw) {
        String number = digits(raw);
        if (number == null || number.isEmpty()) {
            return Optional.of("Enter the card number from the front of your card.");
        }
        if (!DIGITS.matcher(number).matches()) {
            return Optional.of("Card number can contain only digits. Type the number as it appears on your card.");
        }
        if (number.length() < CARD_NUMBER_MIN || number.length() > CARD_NUMBER_MAX) {
            return Optional.of("Card number must have " + CARD_NUMBER_MIN + " to " + CARD_NUMBER_MAX
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

    public static Optional<String> expiry(int month, int year, YearMonth current) {
        if (month < 1 || month > 12) {
            return Optional.of("Expiration month must be 1 to 12. Use the month printed on your card.");
        }
        YearMonth expiry = YearMonth.of(year, month);
        if (expiry.isBefore(current)) {
            return Optional.of("This card expired. Check the expiration date on your card, or use another card.");
        }
        if (expiry.isAfter(current.plusYears(EXPIRY_YEARS_AHEAD_MAX))) {
            return Optional.of("Expiration year is too far ahead. Check the year printed on your card.");
        }
        return Optional.empty();
    }

    /** The security code must have exactly the brand's length; an unknown brand is treated as {@link CardBrand#OTHER}. */
    public static Optional<String> cvv(String raw, CardBrand brand) {
        CardBrand cardBrand = brand == null ? CardBrand.OTHER : brand;
        String where = cardBrand == CardBrand.AMEX
                ? "the " + cardBrand.cvvLength() + "-digit code on the front of your card, above the number"
                : "the " + cardBrand.cvvLength() + "-digit code on the back of your card";
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            return Optional.of("Enter the security code (CVV): " + where + ".");
        }
        if (code.length() != cardBrand.cvvLength() || !DIGITS.matcher(code).matches()) {
            return Optional.of("Security code (CVV) must be " + where + ".");
        }
        return Optional.empty();
    }

    public static Optional<String> zip(String raw) {
        String zip = raw == null ? "" : raw.strip();
        if (zip.isEmpty()) {
            return Optional.of("Enter the billing ZIP code: the ZIP code where your card statement is mailed.");
        }
        if (!ZIP.matcher(zip).matches()) {
            return Optional.of("ZIP code must be 5 digits, or ZIP+4 like 12345-6789.");
        }
        return Optional.empty();
    }

    public static Optional<String> holderName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            return Optional.of("Enter the name as it appears on the card or bank account.");
        }
        if (name.length() > NAME_MAX) {
            return Optional.of("Name can have at most " + NAME_MAX + " characters. Shorten it, for example with a middle initial.");
        }
        if (!NAME.matcher(name).matches() || !HAS_LETTER.matcher(name).matches()) {
            return Optional.of("Name can contain only letters, spaces, periods, apostrophes and hyphens. "
                    + "Remove digits and other symbols.");
        }
        return Optional.empty();
    }

    /** A nickname is optional: blank means none. */
    public static Optional<String> nickname(String raw) {
        if (raw != null && raw.strip().length() > NICKNAME_MAX) {
            return Optional.of("Nickname can have at most " + NICKNAME_MAX + " characters. Choose a shorter one.");
        }
        if (raw != null && LONG_NUMBER.matcher(SEPARATORS.matcher(raw).replaceAll("")).find()) {
            // a nickname is stored in plain text, so it must not become a place where a full number is kept
            return Optional.of("A nickname cannot hold a card or account number. Use words, such as \"Everyday Visa\""
                    + " or \"Household checking\".");
        }
        return Optional.empty();
    }

    public static Optional<String> routingNumber(String raw) {
        String number = digits(raw);
        if (number == null || number.isEmpty()) {
            return Optional.of("Enter the routing number: the 9-digit number at the bottom left of your check.");
        }
        if (number.length() != ROUTING_NUMBER_LENGTH || !DIGITS.matcher(number).matches()) {
            return Optional.of("Routing number must be exactly 9 digits. Use the 9-digit number at the bottom left of your check.");
        }
        if (!ABANumberCheckDigit.ABAN_CHECK_DIGIT.isValid(number)) {
            return Optional.of("Routing number " + number + " fails the bank's check digit. "
                    + "Check the 9-digit number at the bottom left of your check.");
        }
        return Optional.empty();
    }

    /** The account number is typed twice, because a wrong one is found out only when the debit is returned. */
    public static Optional<String> accountNumber(String number, String confirmation) {
        String account = digits(number);
        if (account == null || account.isEmpty()) {
            return Optional.of("Enter the account number: it follows the routing number at the bottom of your check.");
        }
        if (!DIGITS.matcher(account).matches()) {
            return Optional.of("Account number can contain only digits. Leave out letters and symbols.");
        }
        if (account.length() < ACCOUNT_NUMBER_MIN || account.length() > ACCOUNT_NUMBER_MAX) {
            return Optional.of("Account number must have " + ACCOUNT_NUMBER_MIN + " to " + ACCOUNT_NUMBER_MAX
                    + " digits; you entered " + account.length() + ". Check the number on your check or bank statement.");
        }
        String again = digits(confirmation);
        if (again == null || again.isEmpty()) {
            return Optional.of("Type the account number again in the confirmation field.");
        }
        if (!account.equals(again)) {
            return Optional.of("The account numbers do not match. Type the account number again in both fields.");
        }
        return Optional.empty();
    }

    /** The last four digits, which are all the portal ever shows of a card or account number. */
    public static String lastFour(String digits) {
        String number = digits(digits);
        if (number == null || number.length() < 4) {
            throw new IllegalArgumentException("A card or account number needs at least 4 digits");
        }
        return number.substring(number.length() - 4);
    }

    /**
     * "•••• 4242". Given more than four digits by mistake, it still shows only the last four, so a full
     * number cannot reach the page through this method.
     */
    public static String masked(String lastFour) {
        String shown = lastFour == null ? "" : lastFour.strip();
        return "•••• " + (shown.length() > 4 ? shown.substring(shown.length() - 4) : shown);
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

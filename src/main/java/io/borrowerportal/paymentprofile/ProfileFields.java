package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.CardBrand;
import io.borrowerportal.common.Digits;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for what else a customer types into a card or bank account profile (the numbers themselves are
 * value objects: {@link io.borrowerportal.common.CardNumber}, {@link io.borrowerportal.common.RoutingNumber},
 * {@link io.borrowerportal.common.BankAccountNumber}). Each check returns an empty
 * Optional when the value is acceptable, or a message the form shows as is: it says what is wrong and how
 * to fix it. The limits are public so the form fields enforce the same numbers.
 * <p>
 * A message may quote a routing number (it is printed on every check and identifies only the bank) but
 * never a card number, an account number or a security code: messages end up in the page, in logs and in
 * screenshots sent to support.
 */
public final class ProfileFields {

    public static final int NICKNAME_MAX = 40;
    public static final int NAME_MAX = 60;
    /** Cards are issued for at most a few years; twenty covers every real card and catches a mistyped year. */
    public static final int EXPIRY_YEARS_AHEAD_MAX = 20;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    // Letters in any script (with combining accents), spaces, and . ' - ; the typographic apostrophe that
    // phone keyboards insert is an apostrophe too, so "O’Brien" passes.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M} .'’-]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
    /** Seven or more digits in a row, once spaces and dashes are gone: the shape of a card or account number. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}");

    private ProfileFields() {
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
        if (raw != null && LONG_NUMBER.matcher(Digits.of(raw)).find()) {
            // a nickname is stored in plain text, so it must not become a place where a full number is kept
            return Optional.of("A nickname cannot hold a card or account number. Use words, such as \"Everyday Visa\""
                    + " or \"Household checking\".");
        }
        return Optional.empty();
    }
}

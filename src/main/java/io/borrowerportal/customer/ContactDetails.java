package io.borrowerportal.customer;

import io.borrowerportal.common.Digits;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's phone and US mailing address, in the form they are stored: the phone as {@code (212) 555-0147},
 * the state as its two-letter postal code, the ZIP code as {@code 12345} or {@code 12345-6789}. The constructor
 * takes what was typed, tidies it and refuses what is not valid; {@link #problems} lists every problem at once,
 * so a form can mark all its fields.
 */
public record ContactDetails(String phone, String streetLine1, String streetLine2, String city, String state,
                             String zip) {

    /** The 50 states, DC, the territories and the military "states" the Postal Service delivers to. */
    static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID",
            "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
            "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
            "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP");

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9()+.\\-\\s]+");
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");

    public ContactDetails {
        Map<String, String> problems = problems(phone, streetLine1, streetLine2, city, state, zip);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new ProfileChangeRefusedException(first.getKey(), first.getValue());
        }
        phone = normalPhone(phone).orElseThrow();
        streetLine1 = text(streetLine1);
        streetLine2 = text(streetLine2).isEmpty() ? null : text(streetLine2);
        city = text(city);
        state = text(state).toUpperCase(Locale.ROOT);
        zip = normalZip(zip).orElseThrow();
    }

    /** What is wrong with the typed values, by field ({@link ProfileFields}) in the form's order; empty when nothing. */
    public static Map<String, String> problems(String phone, String streetLine1, String streetLine2, String city,
                                               String state, String zip) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (text(phone).isEmpty()) {
            problems.put(ProfileFields.PHONE, "Enter a phone number we can call you on.");
        } else if (normalPhone(phone).isEmpty()) {
            problems.put(ProfileFields.PHONE, "Enter a 10-digit US phone number, like (212) 555-0147.");
        }
        lineProblem(streetLine1, true, ProfileFields.MAX_STREET, "Enter the street address, like 12 Main Street.")
                .ifPresent(p -> problems.put(ProfileFields.STREET_LINE1, p));
        lineProblem(streetLine2, false, ProfileFields.MAX_STREET, "")
                .ifPresent(p -> problems.put(ProfileFields.STREET_LINE2, p));
        lineProblem(city, true, ProfileFields.MAX_CITY, "Enter the city or town.")
                .ifPresent(p -> problems.put(ProfileFields.CITY, p));
        if (!STATES.contains(text(state).toUpperCase(Locale.ROOT))) {
            problems.put(ProfileFields.STATE, "Enter the state's two-letter code, like NY or CA.");
        }
        if (normalZip(zip).isEmpty()) {
            problems.put(ProfileFields.ZIP, "Enter a 5-digit ZIP code, or ZIP+4 like 10001-1234.");
        }
        return problems;
    }

    private static Optional<String> lineProblem(String value, boolean required, int max, String missing) {
        String line = text(value);
        if (line.isEmpty()) {
            return required ? Optional.of(missing) : Optional.empty();
        }
        if (line.length() > max) {
            return Optional.of("Use at most " + max + " characters.");
        }
        if (line.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            return Optional.of("Use letters, digits and ordinary punctuation only.");
        }
        // The rule of every free-text field: an address is sent to the servicing system (decision 029), whose
        // payload guard would refuse a card-length number, so it is refused here, with its reason, instead.
        if (Digits.holdsCardLengthNumber(line)) {
            return Optional.of("An address cannot hold 13 or more digits in a row (the length of a card number).");
        }
        return Optional.empty();
    }

    /** A North American number: ten digits (or eleven starting with 1), area code and exchange not starting 0 or 1. */
    private static Optional<String> normalPhone(String value) {
        String typed = text(value);
        if (typed.isEmpty() || typed.length() > ProfileFields.MAX_PHONE || !PHONE_CHARACTERS.matcher(typed).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10 || digits.charAt(0) < '2' || digits.charAt(3) < '2') {
            return Optional.empty();
        }
        return Optional.of("(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6));
    }

    private static Optional<String> normalZip(String value) {
        Matcher zip = ZIP.matcher(text(value));
        if (!zip.matches()) {
            return Optional.empty();
        }
        return Optional.of(zip.group(2) == null ? zip.group(1) : zip.group(1) + "-" + zip.group(2));
    }

    /** Trimmed, with runs of spaces made one. */
    private static String text(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}

package io.borrowerportal.customer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the lender's servicing system holds about a customer and the portal copies: name, email, phone and mailing
 * address (decision 030). Never the portal's own fields (password, second factor, preferences, consents). The
 * phone and address are all given, tidied as {@link ContactDetails} tidies them, or all absent.
 */
public record LenderRecord(String firstName, String lastName, String email, String phone, String streetLine1,
                           String streetLine2, String city, String state, String zip) {

    public static final int MAX_NAME = 80;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public LenderRecord {
        Map<String, String> problems = problems(firstName, lastName, email, phone, streetLine1, streetLine2, city,
                state, zip);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
        firstName = firstName.strip();
        lastName = lastName.strip();
        email = email.strip().toLowerCase(Locale.ROOT);
        if (!noContact(phone, streetLine1, streetLine2, city, state, zip)) {
            ContactDetails contact = new ContactDetails(phone, streetLine1, streetLine2, city, state, zip);
            phone = contact.phone();
            streetLine1 = contact.streetLine1();
            streetLine2 = contact.streetLine2();
            city = contact.city();
            state = contact.state();
            zip = contact.zip();
        } else {
            phone = null;
            streetLine1 = null;
            streetLine2 = null;
            city = null;
            state = null;
            zip = null;
        }
    }

    /** Every problem at once, by field name, in the record's order; empty when there is none. */
    public static Map<String, String> problems(String firstName, String lastName, String email, String phone,
                                               String streetLine1, String streetLine2, String city, String state,
                                               String zip) {
        Map<String, String> problems = new LinkedHashMap<>();
        name(firstName).ifPresent(p -> problems.put("firstName", p));
        name(lastName).ifPresent(p -> problems.put("lastName", p));
        String normalEmail = email == null ? "" : email.strip();
        if (!EMAIL.matcher(normalEmail).matches() || normalEmail.length() > ProfileFields.MAX_EMAIL) {
            problems.put("email", "Must be an email address of at most " + ProfileFields.MAX_EMAIL + " characters.");
        }
        if (!noContact(phone, streetLine1, streetLine2, city, state, zip)) {
            problems.putAll(ContactDetails.problems(phone, streetLine1, streetLine2, city, state, zip));
        }
        return problems;
    }

    private static Optional<String> name(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Must not be blank.");
        }
        return name.strip().length() > MAX_NAME
                ? Optional.of("Must be at most " + MAX_NAME + " characters.") : Optional.empty();
    }

    private static boolean noContact(String... parts) {
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                return false;
            }
        }
        return true;
    }
}

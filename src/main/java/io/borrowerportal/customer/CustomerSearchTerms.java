package io.borrowerportal.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the staff search finds a customer by (decision 041), kept in {@code customer_search_terms} beside the
 * customer and searched from their start through the table's index: the first and last names whole and word by
 * word, the whole email address, and the words of its local part ({@code alex.latepay@…} gives {@code alex},
 * {@code latepay}). All in lower case, accents dropped ({@code Renée} is {@code renee}). A typed query is cut into words the same way, and a customer matches when each
 * of its first {@value #MAX_QUERY_WORDS} words starts one of their terms.
 */
public final class CustomerSearchTerms {

    static final int MAX_TERM = 80;
    static final int MAX_QUERY_WORDS = 3;
    private static final Pattern NAME_BREAKS = Pattern.compile("[\\s\\-'.,]+");
    private static final Pattern EMAIL_BREAKS = Pattern.compile("[._+\\-]+");
    private static final Pattern QUERY_BREAKS = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private CustomerSearchTerms() {
    }

    /** The terms of a customer with these names and address (null parts give none). */
    public static Set<String> of(String firstName, String lastName, String email) {
        Set<String> terms = new LinkedHashSet<>();
        for (String name : new String[]{firstName, lastName}) {
            if (name != null) {
                add(terms, name);
                Arrays.stream(NAME_BREAKS.split(name)).forEach(word -> add(terms, word));
            }
        }
        if (email != null) {
            add(terms, email);
            int at = email.indexOf('@');
            String local = at < 0 ? email : email.substring(0, at);
            Arrays.stream(EMAIL_BREAKS.split(local)).forEach(word -> add(terms, word));
        }
        return terms;
    }

    /** A typed query's words, lower case, without LIKE's wildcards; at most {@value #MAX_QUERY_WORDS}. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        String cleaned = fold(query).replace("%", "").replace("_", "").replace("\\", "").trim();
        if (cleaned.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(QUERY_BREAKS.split(cleaned)).filter(word -> !word.isEmpty())
                .map(word -> word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word)
                .limit(MAX_QUERY_WORDS).toList();
    }

    /** Lower case, accents dropped: how terms are kept and queries compared. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    private static void add(Set<String> terms, String value) {
        String term = fold(value).trim();
        if (!term.isEmpty()) {
            terms.add(term.length() > MAX_TERM ? term.substring(0, MAX_TERM) : term);
        }
    }
}

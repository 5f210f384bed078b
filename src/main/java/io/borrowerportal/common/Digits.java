package io.borrowerportal.common;

import java.util.regex.Pattern;

/** How card and account numbers are typed and shown: spaces and dashes dropped; only the last four ever shown. */
public final class Digits {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    /**
     * Thirteen or more digits in a row, each pair at most one space, dash, dot, slash or underscore apart: every
     * card number is 13 to 19 digits, a longer run holds one, and people group them with any of those.
     */
    private static final Pattern CARD_LENGTH_RUN = Pattern.compile("\\d(?:[\\s./_-]?\\d){12,}");

    private Digits() {
    }

    /** The digits of a number typed with spaces or dashes ("4242 4242-4242 4242"); null stays null. */
    public static String of(String typed) {
        return typed == null ? null : SEPARATORS.matcher(typed).replaceAll("");
    }

    /** The last four digits, which are all the portal ever shows of a card or account number. */
    public static String lastFour(String number) {
        String digits = of(number);
        if (digits == null || digits.length() < 4) {
            throw new IllegalArgumentException("A card or account number needs at least 4 digits");
        }
        return digits.substring(digits.length() - 4);
    }

    /**
     * "•••• 4242". Given more than four digits by mistake, it still shows only the last four, so a full
     * number cannot reach the page through this method.
     */
    public static String masked(String lastFour) {
        String shown = lastFour == null ? "" : lastFour.strip();
        return "•••• " + (shown.length() > 4 ? shown.substring(shown.length() - 4) : shown);
    }

    /**
     * Whether free text (a policy number, a name, a description) holds 13 or more digits in a row, however they
     * are grouped ("4111.1111.1111.1111", "4111/1111/1111/1111"): the length of a card number, which must never be
     * kept in a plain-text field.
     */
    public static boolean holdsCardLengthNumber(String typed) {
        return typed != null && CARD_LENGTH_RUN.matcher(typed).find();
    }

    /**
     * Free text with every card-length run of digits cut to its last four ("scan 4111111111111111.pdf" becomes
     * "scan ••••1111.pdf"): for text the portal did not ask for and must not refuse, such as the name of a file a
     * browser sent, so that neither the database nor an outbound event ever keeps a whole number.
     */
    public static String maskCardLength(String text) {
        if (text == null) {
            return null;
        }
        return CARD_LENGTH_RUN.matcher(text).replaceAll(run -> {
            String digits = run.group().replaceAll("\\D", "");
            return "••••" + digits.substring(digits.length() - 4);
        });
    }
}

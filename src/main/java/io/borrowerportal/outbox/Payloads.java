package io.borrowerportal.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the features' payload records share, so each masks a method the same way. */
public final class Payloads {

    /** A method's label ends with its last four digits ("Visa •••• 4242", "Checking •••• 6789"). */
    private static final Pattern LAST_FOUR = Pattern.compile("(\\d{4})\\s*$");

    private Payloads() {
    }

    /** The last four digits a payment method's label ends with, or null when it shows none. */
    public static String lastFour(String methodLabel) {
        if (methodLabel == null) {
            return null;
        }
        Matcher found = LAST_FOUR.matcher(methodLabel);
        return found.find() ? found.group(1) : null;
    }
}

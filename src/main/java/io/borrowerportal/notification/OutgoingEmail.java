package io.borrowerportal.notification;

import io.borrowerportal.common.Masking;

import java.util.regex.Pattern;

/**
 * An email to send: one plain-text message to one recipient, optionally about a customer. The recipient
 * and subject become mail headers, so anything that could add a header or a second recipient (CR, LF,
 * commas, angle brackets, a second {@code @}) is refused here, before it reaches the outbox.
 */
public record OutgoingEmail(String to, String subject, String body, Long customerId) {

    public static final int MAX_RECIPIENT = 320;
    public static final int MAX_SUBJECT = 255;
    /** Far below the column's limit; a portal notice is a few paragraphs. */
    public static final int MAX_BODY = 100_000;

    // local@domain: exactly one @, no whitespace (which includes CR and LF), no address-list or
    // display-name syntax, no control characters.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\]+@[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\]+");

    public OutgoingEmail {
        if (to == null || to.length() > MAX_RECIPIENT || !ADDRESS.matcher(to).matches()
                || to.startsWith(".") || to.endsWith(".")) {
            throw new IllegalArgumentException("Not an email address: " + Masking.email(printable(to)));
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A subject is one line of at most " + MAX_SUBJECT + " characters");
        }
        if (body == null || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A body is required and has at most " + MAX_BODY + " characters");
        }
    }

    /** Never the body nor the full address: a message may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "OutgoingEmail[to=" + Masking.email(to) + ", subject=" + subject + ", customerId=" + customerId + "]";
    }

    /** For the exception message: the refused value without the line breaks it may carry into a log. */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}

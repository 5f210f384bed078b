package io.borrowerportal.common;

/**
 * Why staff switched web access off or on, for one loan or one customer (decision 025): required, because the
 * next person to look at the customer (and the audit log) must be able to tell why.
 */
public record WebAccessReason(String text) {

    public static final int MAX_LENGTH = 500;

    public WebAccessReason {
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("Give the reason for the change.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("Keep the reason to " + MAX_LENGTH + " characters.");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

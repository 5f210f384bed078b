package io.borrowerportal.common;

/**
 * A request the lender's rules or the data refuse. The message is written for the customer: what is wrong
 * and what to do instead. Nothing was stored when this is thrown. Each feature has its own subclass, so a
 * view can tell whose rule spoke; the field lets it put the message beside the right input.
 */
public class RefusedException extends RuntimeException {

    private final String field;

    public RefusedException(String message) {
        this(null, message);
    }

    /** @param field the form field the message belongs to ("amount", "cardNumber", ...), or null */
    public RefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

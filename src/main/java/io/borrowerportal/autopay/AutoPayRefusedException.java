package io.borrowerportal.autopay;

/**
 * An AutoPay change the lender's rules or the data refuse. The message is for the customer: what is wrong
 * and what to do instead. Nothing was stored when this is thrown.
 */
public class AutoPayRefusedException extends RuntimeException {

    private final String field;

    public AutoPayRefusedException(String message) {
        this(null, message);
    }

    /** @param field the wizard field the message belongs to ("profileId", "startDate", ...), or null */
    public AutoPayRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

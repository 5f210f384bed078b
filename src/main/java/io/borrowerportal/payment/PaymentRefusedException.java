package io.borrowerportal.payment;

/**
 * A payment or profile request the lender's rules or the data refuse. The message is written for the
 * customer: what is wrong and what to do instead. Nothing was stored when this is thrown.
 */
public class PaymentRefusedException extends RuntimeException {

    private final String field;

    public PaymentRefusedException(String message) {
        this(null, message);
    }

    /** @param field the form field the message belongs to ("amount", "cardNumber", ...), or null */
    public PaymentRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

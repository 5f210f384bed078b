package io.borrowerportal.payment;

import io.borrowerportal.common.RefusedException;

/** A payment the lender's rules or the data refuse; the message is for the customer. */
public class PaymentRefusedException extends RefusedException {

    public PaymentRefusedException(String message) {
        super(message);
    }

    public PaymentRefusedException(String field, String message) {
        super(field, message);
    }
}

package io.borrowerportal.autopay;

import io.borrowerportal.common.RefusedException;

/**
 * An AutoPay change the lender's rules or the data refuse; the message is for the customer. The field names
 * the wizard's input ("profileId", "startDate", ...).
 */
public class AutoPayRefusedException extends RefusedException {

    public AutoPayRefusedException(String message) {
        super(message);
    }

    public AutoPayRefusedException(String field, String message) {
        super(field, message);
    }
}

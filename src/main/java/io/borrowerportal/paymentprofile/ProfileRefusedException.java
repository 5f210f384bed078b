package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.RefusedException;

/** A saved payment method the rules or the data refuse (a bad card number, another customer's profile). */
public class ProfileRefusedException extends RefusedException {

    public ProfileRefusedException(String message) {
        super(message);
    }

    public ProfileRefusedException(String field, String message) {
        super(field, message);
    }
}

package io.borrowerportal.payment;

/** A confirmation number that is not on this loan (or not the customer's to see): shown as not found. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(String confirmationNumber) {
        super("No payment " + confirmationNumber + " on this loan");
    }
}

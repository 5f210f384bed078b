package io.borrowerportal.paymentprofile;

/** How money reaches the lender: a card charged through the processor, or an ACH debit of a bank account. */
public enum PaymentChannel {
    CARD("Credit/debit card"),
    BANK("Bank account (ACH)");

    private final String label;

    PaymentChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

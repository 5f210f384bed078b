package io.borrowerportal.settings;

/** The kinds of one-time payment a lender may offer on the website. */
public enum PaymentType {
    /** Whatever brings the loan current through the next due date. */
    AMOUNT_DUE("Amount due"),
    /** Everything owed as of the payment's apply date; closes the loan. */
    PAYOFF("Payoff"),
    /** Straight to principal; the next installment stays due. */
    PRINCIPAL_ONLY("Principal only"),
    /** Any amount the borrower chooses, applied through the waterfall. */
    CUSTOM("Custom amount");

    private final String label;

    PaymentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

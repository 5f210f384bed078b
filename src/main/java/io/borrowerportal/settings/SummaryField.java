package io.borrowerportal.settings;

/** The Summary fields a lender can show or hide. */
public enum SummaryField {
    AMOUNT_DUE("Amount due"),
    DAYS_PAST_DUE("Days past due"),
    NEXT_PAYMENT_AMOUNT("Next payment amount"),
    NEXT_DUE_DATE("Next payment due date"),
    PAYOFF_AMOUNT("Payoff amount"),
    PRINCIPAL_BALANCE("Principal balance"),
    INTEREST_RATE("Interest rate"),
    ORIGINAL_AMOUNT("Original amount"),
    MATURITY_DATE("Maturity date"),
    PAYMENTS_REMAINING("Payments remaining"),
    LAST_PAYMENT("Last payment"),
    COLLATERAL("Collateral");

    private final String label;

    SummaryField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package io.borrowerportal.settings;

/** What an AutoPay pays each time it runs. */
public enum AutoPayAmountType {
    /** The loan's contract installment (the level payment), whatever is due. */
    SCHEDULED_PAYMENT("Scheduled payment amount"),
    /** What is due on the run date: past due plus the next installment; nothing when the loan is current. */
    AMOUNT_DUE("Current amount due"),
    /** The same amount every time, chosen by the customer within the lender's limits. */
    FIXED("Fixed amount"),
    /** Everything owed on the run date; closes the loan. One-time AutoPays only. */
    PAYOFF("Payoff");

    private final String label;

    AutoPayAmountType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

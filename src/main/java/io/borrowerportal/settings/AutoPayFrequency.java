package io.borrowerportal.settings;

/** How often an AutoPay pays; the lender picks which ones customers are offered. */
public enum AutoPayFrequency {
    ONE_TIME("One time"),
    WEEKLY("Weekly"),
    BIWEEKLY("Every two weeks"),
    SEMI_MONTHLY("Twice a month"),
    MONTHLY("Monthly");

    private final String label;

    AutoPayFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the AutoPay pays more than once. */
    public boolean recurring() {
        return this != ONE_TIME;
    }
}

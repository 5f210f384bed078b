package io.borrowerportal.paymentprofile;

/** Checking or savings; decides the ACH transaction code. */
public enum BankAccountKind {
    CHECKING("Checking"),
    SAVINGS("Savings");

    private final String label;

    BankAccountKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

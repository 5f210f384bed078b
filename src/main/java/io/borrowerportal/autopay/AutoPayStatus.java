package io.borrowerportal.autopay;

/** Where an AutoPay stands. Only an ACTIVE AutoPay runs. */
public enum AutoPayStatus {
    ACTIVE("Active"),
    /** Stopped by its customer for now; due dates that pass while paused are not paid. */
    PAUSED("Paused"),
    /** Stopped because its payment method can no longer be used (a bank return, an expired card). */
    SUSPENDED("Suspended"),
    CANCELLED("Cancelled"),
    /** Made all its payments, or the loan is paid off. */
    COMPLETED("Completed");

    private final String label;

    AutoPayStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts towards the lender's limit of AutoPays per loan: it may still pay. */
    public boolean open() {
        return this == ACTIVE || this == PAUSED || this == SUSPENDED;
    }
}

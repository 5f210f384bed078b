package io.borrowerportal.insurance;

/** Where a submitted policy version stands in staff review. */
public enum PolicyStatus {
    /** Waiting for staff. */
    SUBMITTED("Waiting for review"),
    VERIFIED("Verified"),
    REJECTED("Rejected"),
    /** Replaced by a newer submission before staff reviewed it; never reviewed. */
    SUPERSEDED("Replaced before review");

    private final String label;

    PolicyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the version still counts as the policy on file: waiting or verified, not turned down or replaced. */
    public boolean onFile() {
        return this == SUBMITTED || this == VERIFIED;
    }
}

package io.borrowerportal.servicing;

/** What started a reconciliation run: the nightly job, or a staff member's "Run now". */
public enum ReconciliationTrigger {
    NIGHTLY,
    ON_DEMAND
}

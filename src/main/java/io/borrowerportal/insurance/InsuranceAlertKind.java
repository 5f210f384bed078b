package io.borrowerportal.insurance;

/** Why the Summary warns about a loan's insurance. */
public enum InsuranceAlertKind {
    /** Coverage ends within the lender's warning days. */
    EXPIRING,
    /** Coverage ended. */
    EXPIRED,
    /** No policy on file for a collateralized loan. */
    MISSING,
    /** Staff rejected the newest submission; its reason is shown (and was emailed when staff rejected it). */
    REJECTED;

    /** Whether the daily job emails this event (a rejection is emailed when staff reject it). */
    public boolean emailedByTheDailyJob() {
        return this != REJECTED;
    }
}

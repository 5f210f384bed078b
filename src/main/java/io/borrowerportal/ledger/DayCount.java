package io.borrowerportal.ledger;

/** How interest accrues between two dates; the loan product says which. */
public enum DayCount {
    /** US 30/360: every month counts 30 days, the year 360, so a regular month's interest is rate/12. */
    THIRTY_360,
    /** Actual days elapsed over a 365-day year. */
    ACTUAL_365
}

package io.borrowerportal.ledger;

/** A loan's status, derived from its schedule and ledger, never typed in. */
public enum LoanStatus {
    CURRENT,
    PAST_DUE,
    PAID_OFF
}

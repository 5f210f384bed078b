package io.borrowerportal.servicing;

/** The kinds of ledger entry the servicer sends; a correction is a reversal (and a new entry) or an adjustment. */
public enum ServicerEntryKind {
    PAYMENT,
    FEE,
    ADJUSTMENT,
    REVERSAL
}

package io.borrowerportal.ledger;

/** How a payment is applied: through the waterfall, or straight to principal. */
public enum PaymentKind {
    /** Fees due, then interest due, then principal. */
    REGULAR,
    /** Principal only; interest and fees stay due. */
    PRINCIPAL_ONLY
}

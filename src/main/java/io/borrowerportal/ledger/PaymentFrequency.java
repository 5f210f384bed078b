package io.borrowerportal.ledger;

/** How often scheduled payments fall due. */
public enum PaymentFrequency {
    MONTHLY
}

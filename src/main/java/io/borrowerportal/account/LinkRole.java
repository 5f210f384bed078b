package io.borrowerportal.account;

/** How a customer is linked to an account. */
public enum LinkRole {
    BORROWER,
    CO_BORROWER
}

package io.borrowerportal.customer;

/** How a customer likes the Accounts page: cards or a compact list. */
public enum AccountsLayout {
    CARDS,
    LIST
}

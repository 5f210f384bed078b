package io.borrowerportal.customer;

/** INVITED customers have no password yet; LOCKED ones cannot sign in. */
public enum CustomerStatus {
    INVITED,
    ACTIVE,
    LOCKED
}

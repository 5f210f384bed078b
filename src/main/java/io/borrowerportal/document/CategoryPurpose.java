package io.borrowerportal.document;

/** A category with a fixed role in the lender's list, whatever the lender calls it. */
public enum CategoryPurpose {
    /** Monthly statements the portal writes. */
    STATEMENTS,
    /** Proof of insurance attached from the Insurance tab. */
    INSURANCE
}

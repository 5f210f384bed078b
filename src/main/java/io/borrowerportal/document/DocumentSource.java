package io.borrowerportal.document;

/** Who put a document on the loan. */
public enum DocumentSource {
    /** A customer on the loan uploaded it. */
    CUSTOMER,
    /** Lender staff shared it. */
    STAFF,
    /** The portal wrote it for the lender (a statement). */
    LENDER
}

package io.borrowerportal.customer;

/** What happened when an email change's confirmation link was used. */
public enum EmailChangeOutcome {
    /** The new address is now the sign-in address. */
    CHANGED,
    /** Another customer or a staff member uses the address now; the link is spent. */
    ADDRESS_UNAVAILABLE,
    /** The link was used before, or a newer request or a cancellation replaced it. */
    USED,
    EXPIRED,
    /** Not a link of ours (mistyped or cut short). */
    UNKNOWN
}

package io.borrowerportal.security;

/** What a single-use link's token is: usable, used (or replaced by a newer link), expired, or not one of ours. */
public enum TokenState {
    VALID,
    USED,
    EXPIRED,
    UNKNOWN
}

package io.borrowerportal.servicing;

/** What an upsert did. */
public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
}

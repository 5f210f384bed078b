package io.borrowerportal.servicing;

/** What became of a servicer entry: posted to the ledger, or matched to what the portal had already posted. */
public enum EntryOutcome {
    POSTED,
    MATCHED
}

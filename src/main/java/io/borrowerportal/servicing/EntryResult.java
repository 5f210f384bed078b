package io.borrowerportal.servicing;

/**
 * The ledger entry a servicer entry posted or was matched to; {@code repeat} when the servicer had sent it before
 * (the answer is then the first one, and nothing was posted again).
 */
public record EntryResult(String servicerId, long ledgerEntryId, EntryOutcome outcome, boolean repeat) {
}

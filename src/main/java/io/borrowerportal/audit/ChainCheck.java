package io.borrowerportal.audit;

import java.time.Instant;

/**
 * What a check of the whole audit chain found: intact with the number of entries checked, or the first entry at
 * which it breaks, when that entry was recorded, and what is wrong with it. {@code entriesChecked} counts the
 * entries before the break that were found intact.
 */
public record ChainCheck(boolean intact, long entriesChecked, Long brokenEntryId, Instant brokenAt, String problem) {

    static ChainCheck intact(long entries) {
        return new ChainCheck(true, entries, null, null, null);
    }

    static ChainCheck brokenAt(long intactBefore, long entryId, Instant occurredAt, String problem) {
        return new ChainCheck(false, intactBefore, entryId, occurredAt, problem);
    }

    /** Entries at the end deleted, or the head changed: there is no entry to point at but the newest one. */
    static ChainCheck brokenAtEnd(long entries, Long newestId, Instant newestAt, String problem) {
        return new ChainCheck(false, entries, newestId, newestAt, problem);
    }
}

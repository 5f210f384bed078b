package io.borrowerportal.integration;

import io.borrowerportal.servicing.BatchResult;
import io.borrowerportal.servicing.EntryOutcome;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The outcome of each entry of a batch, in the batch's order, and the totals. {@code repeat} is true when the
 * servicer had sent the entry before: the first answer is given again and nothing is posted.
 */
public record LedgerEntriesResponse(String loanNumber, long posted, long matched, long repeated, List<Entry> entries) {

    /** One entry: the portal's ledger entry it was posted as or matched to. */
    public record Entry(String servicerId, @Schema(description = "The portal's ledger entry") long ledgerEntryId,
                        @Schema(description = "POSTED, or MATCHED to what the portal had posted") EntryOutcome outcome,
                        @Schema(description = "Received before: the first answer again, nothing posted") boolean repeat) {
    }

    static LedgerEntriesResponse of(BatchResult result) {
        return new LedgerEntriesResponse(result.loanNumber(), result.posted(), result.matched(), result.repeated(),
                result.entries().stream().map(e -> new Entry(e.servicerId(), e.ledgerEntryId(), e.outcome(), e.repeat()))
                        .toList());
    }
}

package io.borrowerportal.servicing;

import java.util.List;

/** The result of each entry of a batch for one loan, in the batch's order. */
public record BatchResult(String loanNumber, List<EntryResult> entries) {

    public long posted() {
        return entries.stream().filter(e -> !e.repeat() && e.outcome() == EntryOutcome.POSTED).count();
    }

    public long matched() {
        return entries.stream().filter(e -> !e.repeat() && e.outcome() == EntryOutcome.MATCHED).count();
    }

    public long repeated() {
        return entries.stream().filter(EntryResult::repeat).count();
    }
}

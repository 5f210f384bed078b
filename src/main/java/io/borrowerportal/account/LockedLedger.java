package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanTerms;

import java.util.ArrayList;
import java.util.List;

/** A loan's terms and ledger, read under its row lock: nothing posts to it until the caller's transaction ends. */
public record LockedLedger(long accountId, String loanNumber, LoanTerms terms, List<LedgerEntry> entries) {

    public LockedLedger {
        entries = List.copyOf(entries);
    }

    /** The same ledger with what the holder of the lock posted since it was read. */
    public LockedLedger plus(List<LedgerEntry> posted) {
        List<LedgerEntry> all = new ArrayList<>(entries);
        all.addAll(posted);
        return new LockedLedger(accountId, loanNumber, terms, all);
    }
}

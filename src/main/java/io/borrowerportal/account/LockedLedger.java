package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanTerms;

import java.util.List;

/** A loan's terms and ledger, read under its row lock: nothing posts to it until the caller's transaction ends. */
public record LockedLedger(long accountId, String loanNumber, LoanTerms terms, List<LedgerEntry> entries) {
}

package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanTerms;

import java.util.List;

/**
 * A loan account as the lender's background work reads it: its terms and its whole ledger, read under the
 * account's row lock (see {@link AccountLedgers#lock}).
 *
 * @param title what the borrower calls the loan, e.g. "2022 Honda Civic auto loan"
 * @param balanceUnderReview the balance differs from the servicing system's (decision 032)
 */
public record AccountLedger(long accountId, String loanNumber, String title, LoanTerms terms,
                            List<LedgerEntry> entries, boolean balanceUnderReview) {

    public AccountLedger {
        entries = List.copyOf(entries);
    }
}

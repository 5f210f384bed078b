package io.borrowerportal.account;

import io.borrowerportal.ledger.LoanFigures;

/** An account with its figures as of the business date: one card on the Accounts page. */
public record AccountSummary(AccountInfo info, LoanFigures figures) {

    public String loanNumber() {
        return info.loanNumber();
    }
}

package io.borrowerportal.account;

import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanFigures;

import java.util.List;

/** Everything the account pages show, computed from one read of the account and its ledger. */
public record AccountDetail(AccountInfo info, LoanFigures figures, List<HistoryRow> history, List<Installment> forecast) {

    public AccountDetail {
        history = List.copyOf(history);
        forecast = List.copyOf(forecast);
    }

    public AccountSummary summary() {
        return new AccountSummary(info, figures);
    }
}

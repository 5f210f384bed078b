package io.borrowerportal.account;

import io.borrowerportal.ledger.LoanFigures;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the top of a PDF statement says: who lent, which loan, for whom, and the figures it was
 * prepared from. The figures and the statement share one business date so the payoff amount printed
 * is "good through" the same day the statement is dated.
 *
 * @param balanceNotice null, or what the statement says instead of the balance figures while the balance is under
 *                      review (decision 032)
 */
public record StatementHeader(String lenderName, String loanNumber, String productDescription,
                              String customerName, LocalDate asOf, LoanFigures figures, String balanceNotice) {

    public StatementHeader(String lenderName, String loanNumber, String productDescription, String customerName,
                           LocalDate asOf, LoanFigures figures) {
        this(lenderName, loanNumber, productDescription, customerName, asOf, figures, null);
    }

    public StatementHeader {
        Objects.requireNonNull(lenderName, "lenderName");
        Objects.requireNonNull(loanNumber, "loanNumber");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(figures, "figures");
        // A missing product name or customer name should not stop a borrower getting a statement.
        productDescription = productDescription == null ? "" : productDescription;
        customerName = customerName == null ? "" : customerName;
    }
}

package io.borrowerportal.integration;

import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/loans/{loanNumber}/figures}: the portal's own figures for a loan on the business date
 * {@code asOf}, as its customers see them on the Summary, for the servicer to reconcile against. Amounts in dollars
 * with two decimals; {@code nextDueDate} is null once the loan is paid off.
 */
public record LoanFiguresResponse(String loanNumber, LocalDate asOf, LoanStatus status, BigDecimal amountDue,
                                  BigDecimal payoffAmount, BigDecimal perDiem, LocalDate nextDueDate,
                                  BigDecimal principalBalance, BigDecimal pastDueAmount, int daysPastDue) {

    static LoanFiguresResponse of(String loanNumber, LoanFigures figures) {
        return new LoanFiguresResponse(loanNumber, figures.asOf(), figures.status(), figures.amountDue(),
                figures.payoffAmount(), figures.perDiem(), figures.nextDueDate(), figures.principalBalance(),
                figures.pastDueAmount(), figures.daysPastDue());
    }
}

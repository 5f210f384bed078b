package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything a borrower or the lender reads about a loan on a given business date, derived from its
 * terms and ledger. Dates are null where they do not apply (no next due date once paid off).
 *
 * @param asOf                business date the figures are computed for
 * @param scheduledPayment    the level payment of the contract schedule
 * @param principalBalance    principal still owed
 * @param accruedInterest     interest accrued and unpaid up to asOf, rounded to the cent
 * @param feesDue             fees charged and unpaid
 * @param payoffAmount        principal + accrued interest + fees due, good through asOf
 * @param perDiem             interest that one more day adds to the payoff
 * @param pastDueAmount       scheduled amounts due before asOf and not paid, plus fees due
 * @param amountDue           what pays the loan current through the next due date: past due + next payment (never above payoff)
 * @param nextDueDate         first installment due on or after asOf not already covered by payments
 * @param nextPaymentAmount   unpaid part of that installment
 * @param daysPastDue         days since the oldest unpaid installment fell due; 0 when current
 * @param paymentsMade        regular (installment) payments posted and not reversed; principal-only payments not counted
 * @param paymentsRemaining   rows in the forecast from the current balance
 * @param maturityDate        due date of the contract's last installment
 * @param projectedPayoffDate due date of the forecast's last row (asOf's payoff date when already paid off)
 * @param principalPaidPercent share of the original principal repaid, 0-100 with one decimal
 */
public record LoanFigures(LocalDate asOf, LoanStatus status, BigDecimal originalPrincipal,
                          BigDecimal annualRatePercent, BigDecimal scheduledPayment,
                          BigDecimal principalBalance, BigDecimal accruedInterest, BigDecimal feesDue,
                          BigDecimal payoffAmount, BigDecimal perDiem, BigDecimal pastDueAmount,
                          BigDecimal amountDue, LocalDate nextDueDate, BigDecimal nextPaymentAmount,
                          int daysPastDue, int paymentsMade, int paymentsRemaining, LocalDate maturityDate,
                          LocalDate projectedPayoffDate, LocalDate lastPaymentDate,
                          BigDecimal lastPaymentAmount, BigDecimal principalPaidPercent) {

    /**
     * What falls due on or before {@code date}: the past due amount (with fees due), plus the next installment
     * when its due date is not after {@code date}. Zero when the borrower has paid everything due by then, even
     * though {@link #amountDue} already counts the next installment ahead of its date.
     */
    public BigDecimal dueBy(LocalDate date) {
        BigDecimal due = pastDueAmount;
        if (nextDueDate != null && !nextDueDate.isAfter(date)) {
            due = due.add(nextPaymentAmount);
        }
        return due.min(payoffAmount);
    }
}

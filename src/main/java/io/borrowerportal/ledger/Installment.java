package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a contract schedule or of a forecast: payment = principal + interest + fees. Fees are
 * always zero in the contract schedule; a forecast's first row carries the fees due.
 */
public record Installment(int number, LocalDate dueDate, BigDecimal payment, BigDecimal principal,
                          BigDecimal interest, BigDecimal fees, BigDecimal balanceAfter) {
}

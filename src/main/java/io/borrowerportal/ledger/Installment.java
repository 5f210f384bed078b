package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of a contract schedule or of a forecast: payment = principal + interest. */
public record Installment(int number, LocalDate dueDate, BigDecimal payment, BigDecimal principal,
                          BigDecimal interest, BigDecimal balanceAfter) {
}

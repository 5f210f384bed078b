package io.borrowerportal.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The servicer's own balance of a loan and the date it is as of, kept for the nightly reconciliation. */
public record ServicerBalance(String loanNumber, BigDecimal balance, LocalDate asOf) {
}

package io.borrowerportal.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A loan as the servicer holds it, by loan number: its product (which fixes the payment frequency and day
 * count), its terms, its collateral, web access (null: leave as it is) and the servicer's own balance as of a
 * date, kept for reconciliation (both or neither).
 */
public record LoanUpsert(String loanNumber, String productCode, BigDecimal principal, BigDecimal annualRatePercent,
                         Integer numberOfPayments, LocalDate startDate, LocalDate firstDueDate,
                         String collateralDescription, String collateralVin, Boolean webAccess,
                         BigDecimal servicerBalance, LocalDate balanceAsOf) {
}

package io.borrowerportal.integration;

import io.borrowerportal.servicing.LoanUpsert;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code PUT /api/v1/loans/{loanNumber}}: the loan as the servicing system holds it. The terms sit in their own
 * object because the servicing module names their fields so ({@code terms.principal}) when it refuses one; the product
 * and terms may change only while the ledger holds nothing but the disbursement (decision 030).
 */
public record LoanRequest(String productCode, @NotNull @Valid Terms terms,
                          String collateralDescription, String collateralVin,
                          Boolean webAccess, BigDecimal servicerBalance, LocalDate balanceAsOf) {

    /** The loan's terms: principal in dollars, annual rate in percent, number of payments, start and first due date. */
    public record Terms(BigDecimal principal, BigDecimal annualRatePercent, Integer numberOfPayments,
                        LocalDate startDate, LocalDate firstDueDate) {
    }

    LoanUpsert toCommand(String loanNumber) {
        return new LoanUpsert(loanNumber, productCode, terms.principal(), terms.annualRatePercent(),
                terms.numberOfPayments(), terms.startDate(), terms.firstDueDate(), collateralDescription,
                collateralVin, webAccess, servicerBalance, balanceAsOf);
    }
}

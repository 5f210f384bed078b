package io.borrowerportal.integration;

import io.borrowerportal.servicing.LoanUpsert;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code PUT /api/v1/loans/{loanNumber}}: the loan as the servicing system holds it. The terms sit in their own
 * object because the servicing module names their fields so ({@code terms.principal}) when it refuses one; the product
 * and terms may change only while the ledger holds nothing but the disbursement (decision 030).
 */
@Schema(description = "A loan as the servicing system holds it")
public record LoanRequest(@Schema(description = "A loan product of the portal (it fixes payment frequency and day count), e.g. AUTO, HOME, PERSONAL") String productCode,
                          @NotNull @Valid Terms terms,
                          String collateralDescription, @Schema(description = "17 characters, no I, O or Q") String collateralVin,
                          @Schema(description = "Whether the borrowers may use the portal for this loan; null leaves it as it is") Boolean webAccess,
                          @Schema(description = "The servicer's principal balance, for reconciliation; with balanceAsOf or neither") BigDecimal servicerBalance,
                          @Schema(description = "The date of servicerBalance") LocalDate balanceAsOf) {

    /** The loan's terms: principal in dollars, annual rate in percent, number of payments, start and first due date. */
    public record Terms(@Schema(description = "Dollars and cents") BigDecimal principal,
                        @Schema(description = "e.g. 9.25") BigDecimal annualRatePercent,
                        Integer numberOfPayments, @Schema(description = "The disbursement date") LocalDate startDate,
                        @Schema(description = "After the start date") LocalDate firstDueDate) {
    }

    LoanUpsert toCommand(String loanNumber) {
        return new LoanUpsert(loanNumber, productCode, terms.principal(), terms.annualRatePercent(),
                terms.numberOfPayments(), terms.startDate(), terms.firstDueDate(), collateralDescription,
                collateralVin, webAccess, servicerBalance, balanceAsOf);
    }
}

package io.borrowerportal.account;

import io.borrowerportal.ledger.LoanTerms;

/** Opens (books) a loan: its number, product, contract terms and collateral. */
public record OpenAccountCommand(String loanNumber, String productCode, LoanTerms terms, String collateralDescription,
                                 String collateralVin) {
}

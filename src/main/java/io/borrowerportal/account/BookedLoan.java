package io.borrowerportal.account;

import io.borrowerportal.ledger.LoanTerms;

/** A loan as it is booked: what the servicing connection compares an incoming loan with. */
public record BookedLoan(long accountId, String loanNumber, String productCode, LoanTerms terms,
                         String collateralDescription, String collateralVin, boolean webAccess) {
}

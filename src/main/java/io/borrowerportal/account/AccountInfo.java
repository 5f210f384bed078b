package io.borrowerportal.account;

import io.borrowerportal.ledger.DayCount;

/**
 * What identifies an account to its borrower. Collateral fields are null on uncollateralized loans.
 *
 * @param title what the borrower calls it, e.g. "2022 Honda Civic auto loan"
 * @param balanceUnderReview the balance differs from the servicing system's: the customer sees a notice instead of
 *                           the balance figures until a reconciliation finds them equal again (decision 032)
 */
public record AccountInfo(String loanNumber, String title, String productName, String collateralDescription,
                          String collateralVin, boolean collateralized, LinkRole role, DayCount dayCount,
                          boolean balanceUnderReview) {
}

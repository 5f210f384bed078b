/**
 * Loan accounts: products, accounts, the customers linked to them and their ledgers. The customer
 * website reads accounts through {@link io.borrowerportal.account.AccountService}, which only ever
 * returns accounts linked to the served customer; posting to ledgers goes through
 * {@link io.borrowerportal.account.LoanServicing}.
 */
package io.borrowerportal.account;

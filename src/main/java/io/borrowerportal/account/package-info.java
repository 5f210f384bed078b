/**
 * A borrower's loan account as the portal shows it: the figures, the transaction history and the
 * statement downloads (CSV and PDF) built from the ledger's records.
 */
package io.borrowerportal.account;

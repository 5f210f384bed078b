package io.borrowerportal.account;

/** Names an account for another feature's records: its id, loan number and the borrower's title for it. */
public record AccountRef(long id, String loanNumber, String title) {
}

package io.borrowerportal.servicing;

import io.borrowerportal.account.LinkRole;

import java.util.List;

/** The borrowers on a loan, by the servicer's customer ids: the set replaces the previous one. */
public record BorrowersUpsert(String loanNumber, List<Borrower> borrowers) {

    public record Borrower(String externalId, LinkRole role) {
    }
}

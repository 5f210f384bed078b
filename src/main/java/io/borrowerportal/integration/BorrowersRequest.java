package io.borrowerportal.integration;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.servicing.BorrowersUpsert;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code PUT /api/v1/loans/{loanNumber}/borrowers}: the whole set of borrowers on the loan, by the servicer's
 * customer ids; it replaces the previous set (decision 030).
 */
@Schema(description = "The whole set of borrowers on a loan; it replaces the previous set")
public record BorrowersRequest(@NotNull @Size(max = 20) @Valid List<@NotNull Borrower> borrowers) {

    /** One borrower: the servicer's customer id (the customer must have been sent before) and the role. */
    public record Borrower(@Schema(description = "The servicer's customer id") String externalId, LinkRole role) {
    }

    BorrowersUpsert toCommand(String loanNumber) {
        return new BorrowersUpsert(loanNumber, borrowers.stream()
                .map(b -> new BorrowersUpsert.Borrower(b.externalId(), b.role())).toList());
    }
}

package io.borrowerportal.integration;

import io.borrowerportal.servicing.Outcome;
import io.borrowerportal.servicing.ServicingCustomers;
import io.borrowerportal.servicing.ServicingLedger;
import io.borrowerportal.servicing.ServicingLoans;
import io.borrowerportal.servicing.UpsertResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servicing system's writes (issue #13): customers, loans, borrowers and ledger entries by its own identifiers.
 * Thin on purpose: it turns JSON into the servicing module's commands and its results into JSON; every rule
 * (what may change, what is refused, idempotence, echoes) is the module's (decision 030), and every refusal becomes
 * a problem detail in {@link ApiExceptionResolver}.
 */
@RestController
@Tag(name = "Servicing", description = "The servicing system's copy in the portal, by its own identifiers. Every write is idempotent: send it again and the answer is the same, with nothing written twice.")
class ServicingController {

    private final ServicingCustomers customers;
    private final ServicingLoans loans;
    private final ServicingLedger ledger;

    ServicingController(ServicingCustomers customers, ServicingLoans loans, ServicingLedger ledger) {
        this.customers = customers;
        this.loans = loans;
        this.ledger = ledger;
    }

    @PutMapping(path = ApiPaths.BASE + "/customers/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update a customer by the servicer's id",
            description = "A new customer is created invited, to be sent an activation link. Name, email, phone, "
                    + "mailing address and the servicer's status may change; the portal's password, second factor and "
                    + "preferences are never touched. An email another portal customer has is refused.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated (changed lists the fields) or unchanged")
    @ApiResponse(responseCode = "422", description = "Refused; errors names each field")
    @ApiResponse(responseCode = "409", description = "Another request created the same id at the same moment: retry")
    ResponseEntity<UpsertResponse> customer(@Parameter(description = "The servicer's customer id") @PathVariable String externalId, @Valid @RequestBody CustomerRequest body) {
        return answer(customers.upsert(body.toCommand(externalId)));
    }

    @PutMapping(path = ApiPaths.BASE + "/loans/{loanNumber}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update a loan by its loan number",
            description = "Collateral, web access and the servicer's balance may always change. Product and terms "
                    + "may change only while the ledger holds nothing but the disbursement; after that a different "
                    + "term is refused naming each field (a correction is a ledger entry).")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated (changed lists the fields) or unchanged")
    @ApiResponse(responseCode = "422", description = "Refused; errors names each field (terms.principal, ...)")
    ResponseEntity<UpsertResponse> loan(@Parameter(description = "4-20 letters, digits or dashes") @PathVariable String loanNumber, @Valid @RequestBody LoanRequest body) {
        return answer(loans.upsert(body.toCommand(loanNumber)));
    }

    @PutMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/borrowers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the borrowers on a loan",
            description = "The set sent replaces the previous one. Each customer must have been sent before "
                    + "(PUT /api/v1/customers/{externalId}); a duplicate or a missing role is refused.")
    @ApiResponse(responseCode = "201", description = "The loan's first borrowers")
    @ApiResponse(responseCode = "200", description = "Replaced (changed lists what), or unchanged")
    @ApiResponse(responseCode = "422", description = "Refused: an unknown loan or customer, a duplicate, a missing role")
    ResponseEntity<UpsertResponse> borrowers(@PathVariable String loanNumber, @Valid @RequestBody BorrowersRequest body) {
        return answer(loans.replaceBorrowers(body.toCommand(loanNumber)));
    }

    @PostMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/ledger-entries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Append a batch of ledger entries to a loan",
            description = "Whole or nothing, in the order sent. An entry id already received with the same content is "
                    + "a repeat (the first answer, nothing posted); with other content it is a 409. A payment whose "
                    + "reference is a portal confirmation number is matched to the portal's own payment, not posted "
                    + "again. Entries are never edited: send a reversal and a new entry.")
    @ApiResponse(responseCode = "200", description = "Every entry posted, matched or repeated")
    @ApiResponse(responseCode = "422", description = "Refused; errors names each row and field (entries[4321].amount) or "
            + "loanNumber for an unknown loan")
    @ApiResponse(responseCode = "409", description = "An entry id came again with different content")
    LedgerEntriesResponse ledgerEntries(@PathVariable String loanNumber, @Valid @RequestBody LedgerEntriesRequest body) {
        return LedgerEntriesResponse.of(ledger.append(loanNumber, body.toEntries()));
    }

    /** 201 when the upsert created the thing, 200 when it updated it or found it unchanged. */
    static ResponseEntity<UpsertResponse> answer(UpsertResult result) {
        return ResponseEntity.status(result.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(UpsertResponse.of(result));
    }
}

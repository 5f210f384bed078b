package io.borrowerportal.integration;

import io.borrowerportal.servicing.Outcome;
import io.borrowerportal.servicing.ServicingCustomers;
import io.borrowerportal.servicing.ServicingLedger;
import io.borrowerportal.servicing.ServicingLoans;
import io.borrowerportal.servicing.UpsertResult;
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
    ResponseEntity<UpsertResponse> customer(@PathVariable String externalId, @Valid @RequestBody CustomerRequest body) {
        return answer(customers.upsert(body.toCommand(externalId)));
    }

    @PutMapping(path = ApiPaths.BASE + "/loans/{loanNumber}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UpsertResponse> loan(@PathVariable String loanNumber, @Valid @RequestBody LoanRequest body) {
        return answer(loans.upsert(body.toCommand(loanNumber)));
    }

    @PutMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/borrowers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UpsertResponse> borrowers(@PathVariable String loanNumber, @Valid @RequestBody BorrowersRequest body) {
        return answer(loans.replaceBorrowers(body.toCommand(loanNumber)));
    }

    @PostMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/ledger-entries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    LedgerEntriesResponse ledgerEntries(@PathVariable String loanNumber, @Valid @RequestBody LedgerEntriesRequest body) {
        return LedgerEntriesResponse.of(ledger.append(loanNumber, body.toEntries()));
    }

    /** 201 when the upsert created the thing, 200 when it updated it or found it unchanged. */
    private static ResponseEntity<UpsertResponse> answer(UpsertResult result) {
        return ResponseEntity.status(result.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(UpsertResponse.of(result));
    }
}

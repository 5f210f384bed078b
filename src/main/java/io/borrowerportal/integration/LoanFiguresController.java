package io.borrowerportal.integration;

import io.borrowerportal.account.AccountFigures;
import io.borrowerportal.common.LoanNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


/** The servicer reads the portal's figures for a loan to reconcile them with its own (issue #13, decision 028). */
@RestController
@Tag(name = "Figures", description = "The portal's own figures, for reconciliation.")
class LoanFiguresController {

    private final AccountFigures figures;

    LoanFiguresController(AccountFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "A loan's figures today, as its customers see them")
    @GetMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    LoanFiguresResponse figures(@PathVariable String loanNumber) {
        String number = LoanNumber.parse(loanNumber).map(LoanNumber::value)
                .orElseThrow(() -> new ApiNotFoundException("There is no loan with this number."));
        return figures.today(number).map(found -> LoanFiguresResponse.of(number, found))
                .orElseThrow(() -> new ApiNotFoundException("There is no loan " + number + "."));
    }
}

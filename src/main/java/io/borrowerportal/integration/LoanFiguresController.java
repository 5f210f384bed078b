package io.borrowerportal.integration;

import io.borrowerportal.account.AccountFigures;
import io.borrowerportal.common.LoanNumber;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


/** The servicer reads the portal's figures for a loan to reconcile them with its own (issue #13, decision 028). */
@RestController
class LoanFiguresController {

    private final AccountFigures figures;

    LoanFiguresController(AccountFigures figures) {
        this.figures = figures;
    }

    @GetMapping(path = ApiPaths.BASE + "/loans/{loanNumber}/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    LoanFiguresResponse figures(@PathVariable String loanNumber) {
        String number = LoanNumber.parse(loanNumber).map(LoanNumber::value)
                .orElseThrow(() -> new ApiNotFoundException("There is no loan with this number."));
        return figures.today(number).map(found -> LoanFiguresResponse.of(number, found))
                .orElseThrow(() -> new ApiNotFoundException("There is no loan " + number + "."));
    }
}

package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A loan's figures as of the business date, computed by the same engine from the same ledger as the customer's
 * Summary, for the lender's servicing system to reconcile its own against (the inbound API, decision 028). Any loan,
 * whatever its web access: the servicer reconciles its whole book. Reading only.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional(readOnly = true)
public class AccountFigures {

    private final LoanAccountRepository accounts;
    private final Ledger ledger;
    private final Clock clock;

    AccountFigures(LoanAccountRepository accounts, Ledger ledger, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The figures today; empty when there is no loan with this number (or it is not a loan number at all). */
    public Optional<LoanFigures> today(String loanNumber) {
        LocalDate today = LocalDate.now(clock);
        return LoanNumber.parse(loanNumber).flatMap(number -> accounts.findByLoanNumber(number.value()))
                .map(account -> LoanEngine.figures(account.terms(), ledger.entries(account), today));
    }
}

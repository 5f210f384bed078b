package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Accounts by id or loan number for the lender's side (staff pages and background jobs), where no
 * customer's links limit what may be seen. A customer's own pages use {@link AccountService}, which does.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM')")
@Transactional(readOnly = true)
public class AccountLookup {

    private final LoanAccountRepository accounts;

    AccountLookup(LoanAccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<AccountRef> byId(long accountId) {
        return accounts.findById(accountId).map(LoanAccount::toRef);
    }

    public Optional<AccountRef> byLoanNumber(String loanNumber) {
        return LoanNumber.parse(loanNumber).flatMap(number -> accounts.findByLoanNumber(number.value()))
                .map(LoanAccount::toRef);
    }

    /** The collateralized accounts customers can see on the website, by id (for the insurance alerts). */
    public List<AccountRef> collateralizedOnTheWeb() {
        return accounts.findCollateralizedOnTheWeb().stream().map(LoanAccount::toRef).toList();
    }

    /** The customers linked to an account (borrower and co-borrowers), by id. */
    public List<Long> customerIds(long accountId) {
        return accounts.customerIdsOf(accountId);
    }
}

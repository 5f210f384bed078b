package io.borrowerportal.account;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.common.WebAccessReason;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Staff switch one loan's web access off or on, with a reason, audited (decision 025). While it is off no
 * customer linked to the loan reaches it on the website ({@link AccountService}, {@link LedgerPosting}), and
 * the lender's background work that writes for the website (statements) leaves it out.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
public class AccountWebAccess {

    private final LoanAccountRepository accounts;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    AccountWebAccess(LoanAccountRepository accounts, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The customer's loans, web access on or off, by loan number. */
    @Transactional(readOnly = true)
    public List<LoanWebAccess> loansOf(long customerId) {
        return accounts.findLinkedTo(customerId).stream().map(LoanAccount::toWebAccess).toList();
    }

    /**
     * @throws io.borrowerportal.common.InvalidValueException when the reason is blank or too long
     * @throws IllegalArgumentException for an unknown loan, or when its web access already is that way
     */
    @Transactional
    public LoanWebAccess switchWebAccess(String loanNumber, boolean on, String reason) {
        WebAccessReason why = new WebAccessReason(reason);
        LoanAccount account = LoanNumber.parse(loanNumber).flatMap(number -> accounts.lockByLoanNumber(number.value()))
                .orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber));
        PortalUser actor = currentUser.actor().orElseThrow();
        if (!account.switchWebAccess(on, why.text(), clock.instant(), actor.email())) {
            throw new IllegalArgumentException("Web access to " + account.loanNumber() + " is already " + (on ? "on." : "off."));
        }
        audit.recordWithin(actor.email(), actor.role(), null, null, account.loanNumber(),
                on ? AuditAction.LOAN_WEB_ACCESS_ON : AuditAction.LOAN_WEB_ACCESS_OFF,
                "Web access to " + account.loanNumber() + " switched " + (on ? "on" : "off") + ". Reason: " + why.text());
        return account.toWebAccess();
    }
}

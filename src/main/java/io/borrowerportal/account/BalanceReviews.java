package io.borrowerportal.account;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Whether a loan's balance is under review because it differs from the servicing system's (decision 032). The
 * flag is the account's, on its own row, so the customer pages read it with the loan at no extra cost and show a
 * notice instead of the balance figures; who decides that a balance differs (the reconciliation in module
 * {@code servicing}, which depends on this one) sets and clears it here. Also reads any loan's terms and ledger,
 * web access on or off, for that comparison.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class BalanceReviews {

    private final LoanAccountRepository accounts;
    private final AccountLedgerRepository ledgers;
    private final Clock clock;

    BalanceReviews(LoanAccountRepository accounts, AccountLedgerRepository ledgers, Clock clock) {
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * What a customer reads instead of a figure from the balance while it is under review, on every page, download
     * and email (decisions 032, 035): the one wording.
     */
    public static String notice(String supportPhone) {
        return "Your balance is being updated. Please check back later or call " + supportPhone + ".";
    }

    /** The loan's terms and whole ledger, oldest first; empty when there is no such account. */
    @Transactional(readOnly = true)
    public Optional<AccountLedger> ledger(long accountId) {
        return ledgers.findWithProduct(accountId).map(account -> new AccountLedger(account.id(), account.loanNumber(),
                account.title(), account.terms(), ledgers.ledgerOf(account.id()), account.balanceUnderReview()));
    }

    /** The accounts whose balance is under review, in id order. */
    @Transactional(readOnly = true)
    public List<Long> underReview() {
        return ledgers.idsUnderReview();
    }

    /** Puts the balance under review, under the account's row lock; false when it already was. */
    public boolean hold(long accountId) {
        return accounts.lockByIds(List.of(accountId)).stream().findFirst()
                .map(account -> account.holdBalance(clock.instant())).orElse(false);
    }

    /** Ends the review, under the account's row lock; false when there was none. */
    public boolean release(long accountId) {
        return accounts.lockByIds(List.of(accountId)).stream().findFirst()
                .map(LoanAccount::releaseBalance).orElse(false);
    }
}

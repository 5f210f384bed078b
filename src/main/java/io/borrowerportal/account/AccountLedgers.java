package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Loan accounts with their terms, ledgers and customers, for the lender's own background work (the monthly
 * statements), which runs with no customer signed in and so cannot use {@link AccountService}. Only accounts
 * with web access on are listed: what the portal writes for a loan is read on the website.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class AccountLedgers {

    private final AccountLedgerRepository accounts;
    private final PostedEntryRepository ledger;

    AccountLedgers(AccountLedgerRepository accounts, PostedEntryRepository ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /**
     * The ids of accounts with web access on that started (were disbursed) on or before {@code startedBy}, in
     * id order after {@code afterId}, at most {@code limit}: one page of a run over the whole book.
     */
    @Transactional(readOnly = true)
    public List<Long> idsWithWebAccess(LocalDate startedBy, long afterId, int limit) {
        return accounts.idsWithWebAccess(startedBy, afterId, Limit.of(limit));
    }

    /**
     * Locks the account's row in the caller's transaction and reads its terms, ledger and customers. No entry
     * can be posted to the account until that transaction ends (every posting takes the same lock first), so
     * the ledger read is the whole ledger: an entry committed later has a higher id than any read here.
     * Empty when there is no such account or its web access is off.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AccountLedger> lock(long accountId) {
        return accounts.lockById(accountId).filter(LoanAccount::webAccess).map(account -> {
            List<LedgerEntry> entries = ledger.findLedger(account.id()).stream().map(PostedEntry::toLedgerEntry).toList();
            return new AccountLedger(account.id(), account.loanNumber(), account.title(), account.terms(), entries,
                    accounts.customerIdsOf(account.id()));
        });
    }
}

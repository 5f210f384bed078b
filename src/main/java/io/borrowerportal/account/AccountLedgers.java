package io.borrowerportal.account;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final JdbcClient jdbc;

    AccountLedgers(AccountLedgerRepository accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
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
     * The customers linked to each of these accounts, by account id: the borrower first, then the co-borrowers.
     * An account without customers is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> customerIds(Collection<Long> accountIds) {
        Map<Long, List<Long>> result = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return result;
        }
        for (Object[] row : accounts.customerIdsOf(accountIds)) {
            result.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]);
        }
        return result;
    }

    /**
     * Locks the account's row in the caller's transaction and reads its terms and ledger. No entry
     * can be posted to the account until that transaction ends (every posting takes the same lock first), so
     * the ledger read is the whole ledger: an entry committed later has a higher id than any read here.
     * Empty when there is no such account or its web access is off.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AccountLedger> lock(long accountId) {
        // The row alone, in SQL: a locking read with its product joined would lock the product's row as well,
        // holding up every posting on loans of that product.
        boolean locked = !jdbc.sql("SELECT id FROM loan_accounts WHERE id = :id FOR UPDATE").param("id", accountId)
                .query(Long.class).list().isEmpty();
        if (!locked) {
            return Optional.empty();
        }
        return accounts.findWithProduct(accountId).filter(LoanAccount::webAccess).map(account ->
                new AccountLedger(account.id(), account.loanNumber(), account.title(), account.terms(),
                        accounts.ledgerOf(account.id()), account.balanceUnderReview()));
    }
}

package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The queries of {@link AccountLedgers}: accounts by id for background work, without a customer's links. */
interface AccountLedgerRepository extends Repository<LoanAccount, Long> {

    @Query("""
            select a.id from LoanAccount a
            where a.webAccess.enabled = true and a.startDate <= :startedBy and a.id > :afterId
            order by a.id""")
    List<Long> idsWithWebAccess(@Param("startedBy") LocalDate startedBy, @Param("afterId") long afterId, Limit limit);

    /** The account with its product, read without a lock (after {@link AccountLedgers#lock} took the row's). */
    @Query("select a from LoanAccount a join fetch a.product where a.id = :id")
    Optional<LoanAccount> findWithProduct(@Param("id") long id);

    /**
     * The ledger as the engine's records, oldest first: nothing for the persistence context to track. Ledgers are read
     * to compute figures, never to change (entries are immutable); read as entities they stayed in the persistence
     * context to the end of the transaction, and Hibernate walks every entity it holds at each flush and before each
     * query: a page of the AutoPay run, 200 loans of 67 entries, spent most of its time there.
     */
    @Query("""
            select new io.borrowerportal.ledger.LedgerEntry(e.id, e.entryType, e.effectiveDate, e.amount, e.principal,
                e.interest, e.fees, e.reversesId, e.description)
            from PostedEntry e where e.accountId = :accountId order by e.effectiveDate, e.id""")
    List<LedgerEntry> ledgerOf(@Param("accountId") long accountId);

    /** Several loans' ledgers, oldest first, as values with their account ids, as {@link #ledgerOf} reads one. */
    @Query("""
            select new io.borrowerportal.account.AccountEntry(e.accountId, e.id, e.entryType, e.effectiveDate, e.amount,
                e.principal, e.interest, e.fees, e.reversesId, e.description)
            from PostedEntry e where e.accountId in :accountIds order by e.effectiveDate, e.id""")
    List<AccountEntry> ledgersOf(@Param("accountIds") Collection<Long> accountIds);

    /** Account id and customer id pairs, each account's borrower first, then its co-borrowers. */
    @Query("""
            select l.accountId, l.customerId from AccountLink l where l.accountId in :accountIds
            order by l.accountId, l.role, l.customerId""")
    List<Object[]> customerIdsOf(@Param("accountIds") Collection<Long> accountIds);

    /** The accounts whose balance is under review (decision 032). */
    @Query("select a.id from LoanAccount a where a.balanceReviewSince is not null order by a.id")
    List<Long> idsUnderReview();
}

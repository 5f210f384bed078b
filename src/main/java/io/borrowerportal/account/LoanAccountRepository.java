package io.borrowerportal.account;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.Collection;

interface LoanAccountRepository extends JpaRepository<LoanAccount, Long> {

    /**
     * The accounts a customer may see on the website, with their products, in one statement: linked to them, the
     * account's web access on and the customer's own (decision 025).
     */
    @Query("""
            select a, l.role from LoanAccount a join fetch a.product, AccountLink l
            where l.accountId = a.id and l.customerId = :customerId and a.webAccess.enabled = true
              and exists (select 1 from CustomerWebSwitch c where c.id = :customerId and c.webAccess.enabled = true)
            order by a.createdAt, a.id""")
    List<Object[]> findVisibleTo(@Param("customerId") long customerId);

    /** One account if, and only if, the customer is linked to it and web access is on, the account's and theirs. */
    @Query("""
            select a, l.role from LoanAccount a join fetch a.product, AccountLink l
            where l.accountId = a.id and l.customerId = :customerId and a.webAccess.enabled = true
              and exists (select 1 from CustomerWebSwitch c where c.id = :customerId and c.webAccess.enabled = true)
              and a.loanNumber = :loanNumber""")
    List<Object[]> findVisibleTo(@Param("customerId") long customerId, @Param("loanNumber") String loanNumber);

    /** Every account linked to the customer, web access on or off, with products: the staff customer page. */
    @Query("""
            select a from LoanAccount a join fetch a.product, AccountLink l
            where l.accountId = a.id and l.customerId = :customerId
            order by a.loanNumber""")
    List<LoanAccount> findLinkedTo(@Param("customerId") long customerId);

    /**
     * The account's row, locked. Its product is not fetched with it: MariaDB has no {@code FOR UPDATE OF}, so a
     * join would lock the product's row too, and every transaction locking a loan of that product would wait for
     * the others (the import's parallel writers, decision 033, did, and deadlocked against the foreign-key check of
     * a new loan). The product comes from the persistence context or its own plain select.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from LoanAccount a where a.loanNumber = :loanNumber")
    Optional<LoanAccount> lockByLoanNumber(@Param("loanNumber") String loanNumber);

    /** The ids of these accounts, read without a lock (a loan number never changes). */
    @Query("select a.id from LoanAccount a where a.loanNumber in :loanNumbers")
    List<Long> idsOf(@Param("loanNumbers") Collection<String> loanNumbers);

    /**
     * Locks the accounts (not their product, which a fetch join would lock too for as long as the caller's
     * transaction runs, holding up every posting on loans of the same product), by primary key in id order.
     * Not by loan number: for a long list MariaDB may scan the whole table instead of the loan number index,
     * and a locking scan waits for every row another transaction holds, so the two AutoPay workers' pages ran
     * one after the other (and a repeatable-read transaction would keep every row it read locked).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from LoanAccount a where a.id in :ids order by a.id")
    List<LoanAccount> lockByIds(@Param("ids") Collection<Long> ids);

    @Query("select a from LoanAccount a join fetch a.product where a.loanNumber = :loanNumber")
    Optional<LoanAccount> findByLoanNumber(@Param("loanNumber") String loanNumber);

    boolean existsByLoanNumber(String loanNumber);

    /**
     * The customers of the loans whose number starts with the prefix (a {@code like} pattern ending in {@code %}):
     * loan numbers are stored in capitals (LoanNumber), so the column is compared as it is and its unique index serves
     * the range. {@code lower(loan_number) like '%…%'} read all 150,000 loans of the large book at every search.
     */
    @Query("select l.customerId from AccountLink l, LoanAccount a where l.accountId = a.id and a.loanNumber like :prefix")
    List<Long> customerIdsByLoanNumberStarting(@Param("prefix") String prefix);

    @Query("select l.customerId, a.loanNumber from AccountLink l, LoanAccount a where l.accountId = a.id and l.customerId in :customerIds order by a.loanNumber")
    List<Object[]> loanNumbersOf(@Param("customerIds") List<Long> customerIds);

    @Query("select l.customerId from AccountLink l where l.accountId = :accountId order by l.customerId")
    List<Long> customerIdsOf(@Param("accountId") long accountId);

    /** Accounts on a collateralized product with their collateral recorded, and open to the website (as {@code toInfo} decides). */
    @Query("""
            select a from LoanAccount a join fetch a.product p
            where p.collateralized = true and a.collateralDescription is not null and a.webAccess.enabled = true
            order by a.id""")
    List<LoanAccount> findCollateralizedOnTheWeb();

    /**
     * Any one loan booked on the product, by a locking read: it sees loans committed after this transaction's
     * snapshot, which a plain read under REPEATABLE READ would not (decision 034).
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    Optional<LoanAccount> findFirstByProduct(LoanProduct product);

    long countByProduct(LoanProduct product);
}

package io.borrowerportal.account;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The queries of {@link AccountLedgers}: accounts by id for background work, without a customer's links. */
interface AccountLedgerRepository extends Repository<LoanAccount, Long> {

    @Query("""
            select a.id from LoanAccount a
            where a.webAccess = true and a.startDate <= :startedBy and a.id > :afterId
            order by a.id""")
    List<Long> idsWithWebAccess(@Param("startedBy") LocalDate startedBy, @Param("afterId") long afterId, Limit limit);

    /** Locks the account row only: a fetch join would lock its product too, holding up every loan of that product. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from LoanAccount a where a.id = :id")
    Optional<LoanAccount> lockById(@Param("id") long id);

    /** The borrower first, then co-borrowers, each in the order they became customers. */
    @Query("select l.customerId from AccountLink l where l.accountId = :accountId order by l.role, l.customerId")
    List<Long> customerIdsOf(@Param("accountId") long accountId);
}

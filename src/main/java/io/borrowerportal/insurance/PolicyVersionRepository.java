package io.borrowerportal.insurance;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface PolicyVersionRepository extends JpaRepository<PolicyVersion, Long> {

    /** A loan's versions, newest first (by loan number: the customer's pages know the loan by it). */
    List<PolicyVersion> findByLoanNumberOrderByVersionNumberDesc(String loanNumber);

    /** The versions of these loans, newest first within each (for the daily alert job, one page at a time). */
    @Query("select v from PolicyVersion v where v.accountId in :accountIds order by v.accountId, v.versionNumber desc")
    List<PolicyVersion> findByAccountIds(@Param("accountIds") List<Long> accountIds);

    /** The submissions waiting for staff, oldest first. */
    List<PolicyVersion> findByStatusOrderBySubmittedAtAscIdAsc(PolicyStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from PolicyVersion v where v.id = :id")
    Optional<PolicyVersion> lockById(@Param("id") long id);

    /** A loan's waiting submissions, locked, so a review and a newer submission do not both act on one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from PolicyVersion v where v.accountId = :accountId and v.status = :status")
    List<PolicyVersion> lockByAccountIdAndStatus(@Param("accountId") long accountId, @Param("status") PolicyStatus status);

    @Query("select coalesce(max(v.versionNumber), 0) from PolicyVersion v where v.accountId = :accountId")
    int lastVersionNumber(@Param("accountId") long accountId);
}

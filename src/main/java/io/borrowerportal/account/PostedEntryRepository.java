package io.borrowerportal.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface PostedEntryRepository extends JpaRepository<PostedEntry, Long> {

    @Query("select e from PostedEntry e where e.accountId = :accountId order by e.effectiveDate, e.id")
    List<PostedEntry> findLedger(@Param("accountId") long accountId);

    boolean existsByReversesId(Long reversesId);

    Optional<PostedEntry> findFirstByReversesId(Long reversesId);

    Optional<PostedEntry> findFirstByAccountIdAndReference(Long accountId, String reference);

    @Query("select e from PostedEntry e where e.accountId in :accountIds order by e.effectiveDate, e.id")
    List<PostedEntry> findLedgers(@Param("accountIds") Collection<Long> accountIds);
}

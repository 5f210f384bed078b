package io.borrowerportal.integration;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ApiClientRepository extends JpaRepository<ApiClient, Long> {

    Optional<ApiClient> findByPublicId(String publicId);

    boolean existsByPublicId(String publicId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ApiClient c where c.id = :id")
    Optional<ApiClient> lockById(@Param("id") long id);

    /** Active clients first (revoked last), newest first within each. */
    @Query("select c from ApiClient c order by case when c.revokedAt is null then 0 else 1 end, c.createdAt desc, c.id desc")
    List<ApiClient> listed();

    /**
     * Records a use unless one was recorded within the minute before {@code now}: the condition is in the update, so
     * busy clients on several nodes still write at most about once a minute, and a request never waits on a lock.
     *
     * @return 1 when recorded, 0 when a recent use made it unnecessary
     */
    @Modifying
    @Transactional
    @Query("update ApiClient c set c.lastUsedAt = :now where c.id = :id and (c.lastUsedAt is null or c.lastUsedAt <= :minuteAgo)")
    int recordUse(@Param("id") long id, @Param("now") Instant now, @Param("minuteAgo") Instant minuteAgo);
}

package io.borrowerportal.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface AchFileRepository extends JpaRepository<AchFile, Long> {

    long countByBusinessDate(LocalDate businessDate);

    List<AchFile> findTop20ByOrderByIdDesc();

    /** Locks the file's row: two deliverers (a job and a restart, or two nodes) take turns, never rename at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from AchFile f where f.id = :id")
    Optional<AchFile> lock(@Param("id") long id);

    @Query("select f.id from AchFile f where f.state in :states order by f.id")
    List<Long> idsIn(@Param("states") Collection<AchFileState> states);

    @Query("select f.id from AchFile f where f.state = :state and f.deliveredAt < :before order by f.id")
    List<Long> deliveredBefore(@Param("state") AchFileState state, @Param("before") Instant before);

    @Query("select f.fileName from AchFile f where f.state in :states")
    List<String> namesIn(@Param("states") Collection<AchFileState> states);
}

package io.borrowerportal.settings;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface LenderSettingsRepository extends JpaRepository<LenderSettings, Long> {

    /** The row, locked for update until the transaction ends (a save of the settings editor). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LenderSettings s where s.id = :id")
    Optional<LenderSettings> lockById(@Param("id") long id);
}

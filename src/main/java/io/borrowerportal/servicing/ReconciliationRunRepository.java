package io.borrowerportal.servicing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.Optional;

interface ReconciliationRunRepository extends JpaRepository<ReconciliationRun, Long> {

    Optional<ReconciliationRun> findFirstByOrderByIdDesc();

    boolean existsByRunTriggerAndBusinessDate(ReconciliationTrigger trigger, LocalDate businessDate);
}

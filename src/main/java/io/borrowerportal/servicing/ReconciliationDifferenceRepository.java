package io.borrowerportal.servicing;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReconciliationDifferenceRepository extends JpaRepository<ReconciliationDifference, Long> {

    List<ReconciliationDifference> findByRunIdOrderByLoanNumber(Long runId, Pageable page);

    long countByRunId(Long runId);
}

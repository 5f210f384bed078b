package io.borrowerportal.audit;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audit rows as entities; reads for the log go through {@link AuditRows}, appends through JDBC batches. */
interface AuditRepository extends JpaRepository<AuditEvent, Long> {
}

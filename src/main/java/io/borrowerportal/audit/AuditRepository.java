package io.borrowerportal.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

    @Query("""
            select e from AuditEvent e
            where (:customerId is null or e.customerId = :customerId)
              and (:actor is null or e.actor = :actor)
              and (:loanNumber is null or e.loanNumber = :loanNumber)
              and (:action is null or e.action = :action)
              and (:from is null or e.occurredAt >= :from)
              and (:to is null or e.occurredAt < :to)
            order by e.id desc""")
    List<AuditEvent> search(@Param("customerId") Long customerId, @Param("actor") String actor,
                            @Param("loanNumber") String loanNumber, @Param("action") AuditAction action,
                            @Param("from") Instant from, @Param("to") Instant to, Pageable page);

    @Query("select e from AuditEvent e order by e.id")
    Stream<AuditEvent> streamInOrder();
}

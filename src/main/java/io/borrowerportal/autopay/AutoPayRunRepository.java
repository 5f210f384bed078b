package io.borrowerportal.autopay;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Transactional(readOnly = true)
interface AutoPayRunRepository extends JpaRepository<AutoPayRun, Long> {

    List<AutoPayRun> findByAutopayIdInOrderByDueDateDesc(Collection<Long> autopayIds);

    @Query("select max(r.dueDate) from AutoPayRun r where r.autopayId = :autopayId")
    Optional<LocalDate> lastDueDate(@Param("autopayId") long autopayId);
}

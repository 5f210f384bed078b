package io.borrowerportal.autopay;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface AutoPayEventRepository extends JpaRepository<AutoPayEvent, Long> {

    List<AutoPayEvent> findByAutopayIdInOrderByOccurredAtAscIdAsc(Collection<Long> autopayIds);
}

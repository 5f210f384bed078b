package io.borrowerportal.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface PaymentEventRepository extends JpaRepository<PaymentEvent, Long> {

    List<PaymentEvent> findByPaymentIdInOrderByOccurredAtAscIdAsc(Collection<Long> paymentIds);
}

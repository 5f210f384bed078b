package io.borrowerportal.payment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/**
 * Its queries run in their own read-only transaction when called outside one. The payment submit and the
 * ACH jobs work outside a transaction (the card processor is called between transactions): a query there
 * without a transaction would keep its database connection until the call ends while the next step takes
 * a second one, and enough simultaneous calls (a burst of submits of one form) then hold every pooled
 * connection while each waits for another.
 */
@Transactional(readOnly = true)
interface PaymentEventRepository extends JpaRepository<PaymentEvent, Long> {

    List<PaymentEvent> findByPaymentIdInOrderByOccurredAtAscIdAsc(Collection<Long> paymentIds);
}

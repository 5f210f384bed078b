package io.borrowerportal.servicing;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ServicerLoanRepository extends JpaRepository<ServicerLoan, Long> {

    /** One page of the loans the servicer sent a balance for, in account id order after {@code afterId}. */
    List<ServicerLoan> findByServicerBalanceNotNullAndAccountIdGreaterThanOrderByAccountId(Long afterId, Limit limit);
}

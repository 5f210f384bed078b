package io.borrowerportal.servicing;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServicerLoanRepository extends JpaRepository<ServicerLoan, Long> {
}

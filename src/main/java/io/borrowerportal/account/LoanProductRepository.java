package io.borrowerportal.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface LoanProductRepository extends JpaRepository<LoanProduct, Long> {

    Optional<LoanProduct> findByCode(String code);
}

package io.borrowerportal.customer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface PaperlessConsentRepository extends JpaRepository<PaperlessConsent, Long> {

    Optional<PaperlessConsent> findFirstByCustomerIdOrderByConsentedAtDescIdDesc(long customerId);
}

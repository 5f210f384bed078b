package io.borrowerportal.autopay;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AutoPayAuthorizationRepository extends JpaRepository<AutoPayAuthorization, Long> {

    List<AutoPayAuthorization> findByAutopayIdOrderByAuthorizedAtAscIdAsc(long autopayId);
}

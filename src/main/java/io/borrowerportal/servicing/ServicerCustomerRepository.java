package io.borrowerportal.servicing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ServicerCustomerRepository extends JpaRepository<ServicerCustomer, Long> {

    Optional<ServicerCustomer> findByExternalId(String externalId);

    List<ServicerCustomer> findByExternalIdIn(Collection<String> externalIds);

    List<ServicerCustomer> findByCustomerIdIn(Collection<Long> customerIds);
}

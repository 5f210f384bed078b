package io.borrowerportal.servicing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReceivedEntryRepository extends JpaRepository<ReceivedEntry, Long> {

    List<ReceivedEntry> findByAccountId(Long accountId);

    long countByAccountId(Long accountId);

    /** The entry the servicer sent last for the loan. */
    java.util.Optional<ReceivedEntry> findFirstByAccountIdOrderByIdDesc(Long accountId);
}

package io.borrowerportal.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface PostedEntryRepository extends JpaRepository<PostedEntry, Long> {

    boolean existsByReversesId(Long reversesId);

    Optional<PostedEntry> findFirstByReversesId(Long reversesId);

    Optional<PostedEntry> findFirstByAccountIdAndReference(Long accountId, String reference);
}

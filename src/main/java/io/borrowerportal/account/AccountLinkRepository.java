package io.borrowerportal.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AccountLinkRepository extends JpaRepository<AccountLink, AccountLink.Key> {

    List<AccountLink> findByAccountId(Long accountId);
}

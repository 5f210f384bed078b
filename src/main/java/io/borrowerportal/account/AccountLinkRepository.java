package io.borrowerportal.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountLinkRepository extends JpaRepository<AccountLink, AccountLink.Key> {
}

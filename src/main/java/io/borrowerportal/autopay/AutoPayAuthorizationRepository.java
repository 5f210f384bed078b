package io.borrowerportal.autopay;

import org.springframework.data.jpa.repository.JpaRepository;

/** Only written: the table is the record of every accepted authorization (no screen shows it yet). */
interface AutoPayAuthorizationRepository extends JpaRepository<AutoPayAuthorization, Long> {
}

package io.borrowerportal.insurance;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentAlertRepository extends JpaRepository<SentAlert, Long> {

    boolean existsByAccountIdAndPolicyVersionIdAndKind(long accountId, long policyVersionId, InsuranceAlertKind kind);
}

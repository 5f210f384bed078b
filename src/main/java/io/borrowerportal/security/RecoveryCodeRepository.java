package io.borrowerportal.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    Optional<RecoveryCode> findBySecondFactorIdAndCodeHash(long secondFactorId, String codeHash);

    @Query("select count(c) from RecoveryCode c where c.secondFactorId = ?1 and c.usedAt is null")
    int countUnused(long secondFactorId);

    @Modifying
    @Query("delete from RecoveryCode c where c.secondFactorId = ?1")
    void deleteByFactor(long secondFactorId);
}

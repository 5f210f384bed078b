package io.borrowerportal.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One single-use recovery code, kept only as its SHA-256. */
@Entity
@Table(name = "second_factor_recovery_codes")
class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long secondFactorId;
    private String codeHash;
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(long secondFactorId, String codeHash) {
        this.secondFactorId = secondFactorId;
        this.codeHash = codeHash;
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant at) {
        if (used()) {
            throw new IllegalStateException("Recovery code already used");
        }
        this.usedAt = at;
    }
}

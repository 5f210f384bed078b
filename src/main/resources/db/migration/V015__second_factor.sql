-- Second factor (decision 018): one authenticator-app factor per person and its single-use recovery codes.
-- owner_kind says which id space owner_id belongs to (staff_users or customers), so one table serves both.
-- secret_cipher is the TOTP secret AES-256-GCM encrypted (v1:...); confirmed_at stays NULL until the person
-- proved the app works with a first code. last_used_step is the newest 30-second step accepted, so a code is
-- never accepted twice; failed_attempts counts wrong codes since the last right one.
CREATE TABLE second_factors (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_kind      VARCHAR(16)  NOT NULL,
    owner_id        BIGINT       NOT NULL,
    secret_cipher   VARCHAR(200) NOT NULL,
    confirmed_at    TIMESTAMP(3) NULL,
    last_used_step  BIGINT       NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_second_factors_owner UNIQUE (owner_kind, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- SHA-256 (hex) of each recovery code; the codes themselves are shown once and never stored.
CREATE TABLE second_factor_recovery_codes (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    second_factor_id BIGINT       NOT NULL,
    code_hash        VARCHAR(64)  NOT NULL,
    used_at          TIMESTAMP(3) NULL,
    CONSTRAINT fk_recovery_codes_factor FOREIGN KEY (second_factor_id) REFERENCES second_factors (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_recovery_codes_factor ON second_factor_recovery_codes (second_factor_id);

-- Single-use links (activation, password reset, email change). Only the token's SHA-256 is stored: the link
-- in the email is the only copy of the token itself (decision 016).
CREATE TABLE one_time_tokens (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    subject     VARCHAR(240) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    expires_at  TIMESTAMP(3) NOT NULL,
    used_at     TIMESTAMP(3) NULL,
    CONSTRAINT uk_one_time_tokens_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_one_time_tokens_subject ON one_time_tokens (purpose, subject);

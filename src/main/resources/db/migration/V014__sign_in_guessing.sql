-- Password guessing (decision 017). Each failed sign-in is one row here, outside the audit hash chain: a
-- burst of guesses must not queue on the chain head's row lock. The lockout counts an account's rows of the
-- last 30 minutes. typed_name is what was typed in the email field only when it looks like an email address,
-- '(not an email)' otherwise: people type passwords there. Times are UTC, as everywhere.
CREATE TABLE sign_in_failures (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    attempted_at   TIMESTAMP(3) NOT NULL,
    typed_name     VARCHAR(160) NOT NULL,
    -- CUSTOMER or STAFF and the id in customers or staff_users; both null when no account has that email.
    account_kind   VARCHAR(8),
    account_id     BIGINT,
    client_address VARCHAR(64),
    -- Why it failed, for operators only (the user always sees the same message): WRONG_PASSWORD,
    -- UNKNOWN_ACCOUNT, LOCKED, NOT_ACTIVE.
    reason         VARCHAR(16)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_sign_in_failures_account ON sign_in_failures (account_kind, account_id, attempted_at);
CREATE INDEX ix_sign_in_failures_time ON sign_in_failures (attempted_at);

-- One row per account that was ever locked. Failures up to locked_until never count again: those that led to
-- the lock and those made while it held. Lifting it sets locked_until to that moment. The conditional UPDATE
-- (or the INSERT on the primary key) that starts a lock makes one sign-in, across nodes, the one that starts
-- it and sends the one email.
CREATE TABLE sign_in_locks (
    account_kind    VARCHAR(8)   NOT NULL,
    account_id      BIGINT       NOT NULL,
    locked_at       TIMESTAMP(3) NOT NULL,
    locked_until    TIMESTAMP(3) NOT NULL,
    failed_attempts INT          NOT NULL,
    lifted_at       TIMESTAMP(3),
    lifted_by       VARCHAR(160),
    PRIMARY KEY (account_kind, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

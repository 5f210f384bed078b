-- The email outbox (notification module) and the lock table of the scheduled jobs (ShedLock).
-- Runs unchanged on MariaDB and on H2 in MariaDB mode. Timestamps are UTC.

-- One row per email, written in the transaction of the business change that causes it, so a rolled-back
-- change sends nothing. A row is delivered after that transaction commits, or retried by the dispatcher.
-- next_attempt_at is both the retry backoff and the lease of a claimed row (see Mailer).
-- No foreign key on customer_id: the outbox is a record of what was sent and outlives what it refers to.
CREATE TABLE email_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),
    -- An explicit DEFAULT: otherwise a MariaDB with explicit_defaults_for_timestamp=OFF (before 10.10)
    -- would give the first TIMESTAMP column ON UPDATE CURRENT_TIMESTAMP and rewrite it on every update.
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    sent_at         TIMESTAMP(3) NULL,
    customer_id     BIGINT,
    CONSTRAINT ck_email_outbox_status CHECK (status IN ('QUEUED', 'SENT', 'LOGGED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_email_outbox_status_created ON email_outbox (status, created_at);
CREATE INDEX ix_email_outbox_recipient ON email_outbox (recipient, created_at);

-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one row per job name.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

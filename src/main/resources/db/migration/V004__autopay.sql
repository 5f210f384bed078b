-- AutoPay (issue #4): the lender's AutoPay rules, each customer's AutoPays, the runs that paid (or skipped)
-- each due date, and the log of every change. Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- One column per switch, like the payment rules. Defaults suit a new install: AutoPay on, customers may
-- create, edit and cancel, every frequency and amount type offered, one AutoPay per loan, run at 06:00
-- (before the ACH cut-off, so bank debits go out the same day).
ALTER TABLE lender_settings ADD COLUMN (
    autopay_enabled          BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_customer_create  BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_customer_edit    BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_customer_cancel  BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_one_time         BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_weekly           BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_biweekly         BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_semi_monthly     BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_monthly          BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_scheduled_amount BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_amount_due       BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_fixed_amount     BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_payoff           BOOLEAN NOT NULL DEFAULT TRUE,
    autopay_max_active       INT     NOT NULL DEFAULT 1,
    autopay_run_time         TIME    NOT NULL DEFAULT '06:00:00'
);

-- A payment an AutoPay made names it; NULL for a payment the customer made on the website.
ALTER TABLE payments ADD COLUMN autopay_reference VARCHAR(16) NULL;

-- An AutoPay: who pays which loan with which profile, how often and how much, and where its schedule
-- stands. The schedule is derived from start_date, frequency and last_day_of_month; next_index counts the
-- due dates already passed, next_due_date / next_process_date are that index's dates (NULL once it ended).
-- The accepted authorization (text, version, time, client address) is kept as the customer accepted it.
CREATE TABLE autopays (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference             VARCHAR(16)   NOT NULL,
    account_id            BIGINT        NOT NULL,
    loan_number           VARCHAR(20)   NOT NULL,
    customer_id           BIGINT        NOT NULL,
    profile_id            BIGINT        NOT NULL,
    method_label          VARCHAR(60)   NOT NULL,
    channel               VARCHAR(8)    NOT NULL,
    frequency             VARCHAR(16)   NOT NULL,
    amount_type           VARCHAR(20)   NOT NULL,
    fixed_amount          DECIMAL(19,2),
    start_date            DATE          NOT NULL,
    last_day_of_month     BOOLEAN       NOT NULL,
    process_only_when_due BOOLEAN       NOT NULL,
    number_of_payments    INT,
    payments_made         INT           NOT NULL DEFAULT 0,
    next_index            INT           NOT NULL DEFAULT 0,
    next_due_date         DATE,
    next_process_date     DATE,
    status                VARCHAR(12)   NOT NULL,
    status_reason         VARCHAR(300),
    authorization_version VARCHAR(32)   NOT NULL,
    authorization_text    VARCHAR(2000) NOT NULL,
    authorized_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    authorized_from       VARCHAR(64)   NOT NULL,
    reminder_sent_for     DATE,
    created_by            VARCHAR(160)  NOT NULL,
    created_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_autopays_reference UNIQUE (reference),
    CONSTRAINT fk_autopays_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_autopays_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_autopays_profile FOREIGN KEY (profile_id) REFERENCES payment_profiles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_autopays_due ON autopays (status, next_process_date, id);
CREATE INDEX ix_autopays_account ON autopays (account_id, status);
CREATE INDEX ix_autopays_loan ON autopays (loan_number, status);
CREATE INDEX ix_autopays_profile ON autopays (profile_id, status);

-- One row per AutoPay and due date, written in the same transaction as the payment it made: the unique
-- key is what makes a rerun, a crash halfway or two runners at once pay each due date exactly once.
CREATE TABLE autopay_runs (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    autopay_id           BIGINT        NOT NULL,
    due_date             DATE          NOT NULL,
    process_date         DATE          NOT NULL,
    outcome              VARCHAR(12)   NOT NULL,
    payment_confirmation VARCHAR(16),
    amount               DECIMAL(19,2),
    note                 VARCHAR(300),
    created_at           TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_autopay_runs_due UNIQUE (autopay_id, due_date),
    CONSTRAINT fk_autopay_runs_autopay FOREIGN KEY (autopay_id) REFERENCES autopays (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every change of an AutoPay, by whom (customer, staff or the system), for the customer's history.
CREATE TABLE autopay_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    autopay_id  BIGINT       NOT NULL,
    occurred_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    action      VARCHAR(16)  NOT NULL,
    detail      VARCHAR(500) NOT NULL,
    actor       VARCHAR(160) NOT NULL,
    CONSTRAINT fk_autopay_events_autopay FOREIGN KEY (autopay_id) REFERENCES autopays (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_autopay_events_autopay ON autopay_events (autopay_id, occurred_at);

-- Issue #13 Connect, scope 4: the nightly reconciliation of the servicer's balances with the portal's (decision 032).

-- A loan whose balance differs from the servicer's: its customers see a notice instead of the figures. Kept on the
-- loan's own row (module account owns it), so the customer pages read it with the loan and cost no extra query.
ALTER TABLE loan_accounts ADD COLUMN balance_review_since TIMESTAMP NULL;

-- Each run: when, who started it (the nightly job or a staff member), and its counts.
CREATE TABLE reconciliation_runs (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_trigger     VARCHAR(16)  NOT NULL,
    run_by          VARCHAR(160) NOT NULL,
    business_date   DATE         NOT NULL,
    started_at      TIMESTAMP    NOT NULL,
    finished_at     TIMESTAMP    NOT NULL,
    loans_compared  INT          NOT NULL,
    loans_differing INT          NOT NULL,
    loans_cleared   INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_reconciliation_runs_trigger ON reconciliation_runs (run_trigger, business_date);

-- The loans a run found differing by more than a cent: both figures as of the servicer's date, and each side's
-- last entry as it stood then, so the list reads the same later whatever was posted since.
CREATE TABLE reconciliation_differences (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id              BIGINT        NOT NULL,
    account_id          BIGINT        NOT NULL,
    loan_number         VARCHAR(20)   NOT NULL,
    as_of               DATE          NOT NULL,
    servicer_balance    DECIMAL(19,2) NOT NULL,
    portal_balance      DECIMAL(19,2) NOT NULL,
    difference          DECIMAL(19,2) NOT NULL,
    portal_last_entry   VARCHAR(200),
    servicer_last_entry VARCHAR(200),
    CONSTRAINT fk_reconciliation_differences_run FOREIGN KEY (run_id) REFERENCES reconciliation_runs (id),
    CONSTRAINT fk_reconciliation_differences_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_reconciliation_differences_run ON reconciliation_differences (run_id, loan_number);

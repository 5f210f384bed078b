-- Insurance on a loan's collateral (docs/decisions/014-insurance-tracking.md). Every submission is a new row:
-- the fields are never updated, only the review (status, reviewer, reason) is written once, so the history a
-- customer and staff read is what was submitted. A newer submission marks an older one still waiting as
-- SUPERSEDED.
CREATE TABLE insurance_policy_versions (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id           BIGINT        NOT NULL,
    loan_number          VARCHAR(20)   NOT NULL,
    version_number       INT           NOT NULL,
    insurance_company    VARCHAR(100)  NOT NULL,
    insured_name         VARCHAR(100)  NOT NULL,
    agent_name           VARCHAR(100),
    policy_number        VARCHAR(40)   NOT NULL,
    phone                VARCHAR(25)   NOT NULL,
    deductible           DECIMAL(19,2) NOT NULL,
    coverage_start       DATE          NOT NULL,
    coverage_end         DATE          NOT NULL,
    proof_document_id    BIGINT,
    proof_document_label VARCHAR(160),
    status               VARCHAR(12)   NOT NULL,
    customer_id          BIGINT        NOT NULL,
    submitted_by         VARCHAR(160)  NOT NULL,
    submitted_at         TIMESTAMP(3)  NOT NULL,
    reviewed_by          VARCHAR(160),
    reviewed_at          TIMESTAMP(3),
    rejection_reason     VARCHAR(500),
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_insurance_policy_versions_number UNIQUE (account_id, version_number),
    CONSTRAINT fk_insurance_policy_versions_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_insurance_policy_versions_proof FOREIGN KEY (proof_document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- The staff queue: submissions waiting, oldest first.
CREATE INDEX ix_insurance_policy_versions_queue ON insurance_policy_versions (status, submitted_at, id);
CREATE INDEX ix_insurance_policy_versions_loan ON insurance_policy_versions (loan_number, version_number);

-- Each insurance alert emailed, once per loan, policy version (0: no policy on file) and kind; the daily job
-- inserts the row with its emails in one transaction, so a second run, or a second node, finds it and sends nothing.
CREATE TABLE insurance_alerts_sent (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT       NOT NULL,
    policy_version_id BIGINT       NOT NULL,
    kind              VARCHAR(10)  NOT NULL,
    business_date     DATE         NOT NULL,
    recipients        INT          NOT NULL,
    created_at        TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_insurance_alerts_sent UNIQUE (account_id, policy_version_id, kind),
    CONSTRAINT fk_insurance_alerts_sent_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

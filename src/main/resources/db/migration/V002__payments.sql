-- Payments (issue #3): the lender's payment rules, payment profiles, payments and their lifecycle, and
-- the ACH files the portal wrote. Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- The lender's payment rules, one column per switch (PRODUCT.md "Payments"). Defaults suit a new
-- install: payments on, both channels and all types allowed, no convenience fee.
ALTER TABLE lender_settings ADD COLUMN (
    payments_enabled              BOOLEAN       NOT NULL DEFAULT TRUE,
    payment_profiles_enabled      BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_card_payments           BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_bank_payments           BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_amount_due_payments     BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_payoff_payments         BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_principal_only_payments BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_custom_payments         BOOLEAN       NOT NULL DEFAULT TRUE,
    minimum_payment               DECIMAL(19,2) NOT NULL DEFAULT 5.00,
    maximum_payment               DECIMAL(19,2) NOT NULL DEFAULT 25000.00,
    max_days_ahead                INT           NOT NULL DEFAULT 30,
    card_fee_kind                 VARCHAR(8)    NOT NULL DEFAULT 'NONE',
    card_fee_value                DECIMAL(9,4)  NOT NULL DEFAULT 0,
    bank_fee_kind                 VARCHAR(8)    NOT NULL DEFAULT 'NONE',
    bank_fee_value                DECIMAL(9,4)  NOT NULL DEFAULT 0,
    nsf_fee                       DECIMAL(19,2) NOT NULL DEFAULT 25.00,
    remittance_address            VARCHAR(300)  NOT NULL DEFAULT ''
);
UPDATE lender_settings SET remittance_address = CONCAT('Borrower Portal Lender', CHAR(10), 'Payment Processing',
    CHAR(10), 'PO Box 1000', CHAR(10), 'Wilmington, DE 19801') WHERE id = 1;

-- Cards keep only the processor's token, brand, last four digits, expiry and billing ZIP. Bank accounts
-- keep the routing number (public) and the account number encrypted with AES-GCM; the last four digits
-- are kept apart for display. A deleted profile is marked, not removed: payments still name it.
CREATE TABLE payment_profiles (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id         BIGINT       NOT NULL,
    kind                VARCHAR(8)   NOT NULL,
    nickname            VARCHAR(40),
    holder_name         VARCHAR(60)  NOT NULL,
    billing_zip         VARCHAR(10),
    card_token          VARCHAR(80),
    card_brand          VARCHAR(16),
    card_exp_month      INT,
    card_exp_year       INT,
    bank_routing_number VARCHAR(9),
    bank_account_secret VARCHAR(200),
    bank_account_type   VARCHAR(8),
    last_four           VARCHAR(4)   NOT NULL,
    is_primary          BOOLEAN      NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    status_reason       VARCHAR(200),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMP    NOT NULL,
    updated_at          TIMESTAMP    NOT NULL,
    CONSTRAINT fk_payment_profiles_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_payment_profiles_customer ON payment_profiles (customer_id, status);

-- The bank files the portal wrote; the file itself goes to the configured folder.
CREATE TABLE ach_files (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name        VARCHAR(120)  NOT NULL,
    business_date    DATE          NOT NULL,
    effective_date   DATE          NOT NULL,
    file_id_modifier VARCHAR(1)    NOT NULL,
    entry_count      INT           NOT NULL,
    total_debit      DECIMAL(19,2) NOT NULL,
    entry_hash       BIGINT        NOT NULL,
    sha256           VARCHAR(64)   NOT NULL,
    created_by       VARCHAR(160)  NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    CONSTRAINT uk_ach_files_modifier UNIQUE (business_date, file_id_modifier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per payment; the idempotency key issued when the payment form opened makes a second submit
-- of the same form find the first payment instead of creating another.
CREATE TABLE payments (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    confirmation_number VARCHAR(16)   NOT NULL,
    idempotency_key     VARCHAR(64)   NOT NULL,
    account_id          BIGINT        NOT NULL,
    loan_number         VARCHAR(20)   NOT NULL,
    customer_id         BIGINT        NOT NULL,
    profile_id          BIGINT        NOT NULL,
    channel             VARCHAR(8)    NOT NULL,
    payment_type        VARCHAR(16)   NOT NULL,
    method_label        VARCHAR(60)   NOT NULL,
    amount              DECIMAL(19,2) NOT NULL,
    convenience_fee     DECIMAL(19,2) NOT NULL,
    process_date        DATE          NOT NULL,
    apply_date          DATE          NOT NULL,
    status              VARCHAR(12)   NOT NULL,
    status_reason       VARCHAR(200),
    return_code         VARCHAR(3),
    processor_reference VARCHAR(80),
    principal           DECIMAL(19,2),
    interest            DECIMAL(19,2),
    fees                DECIMAL(19,2),
    ledger_entry_id     BIGINT,
    fee_entry_id        BIGINT,
    ach_file_id         BIGINT,
    trace_number        VARCHAR(15),
    settles_on          DATE,
    created_by          VARCHAR(160)  NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_payments_confirmation UNIQUE (confirmation_number),
    CONSTRAINT uk_payments_idempotency UNIQUE (idempotency_key),
    CONSTRAINT uk_payments_trace UNIQUE (trace_number),
    CONSTRAINT fk_payments_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_payments_profile FOREIGN KEY (profile_id) REFERENCES payment_profiles (id),
    CONSTRAINT fk_payments_ledger FOREIGN KEY (ledger_entry_id) REFERENCES ledger_entries (id),
    CONSTRAINT fk_payments_ach_file FOREIGN KEY (ach_file_id) REFERENCES ach_files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_payments_account ON payments (account_id, created_at);
CREATE INDEX ix_payments_status ON payments (status, process_date);

-- Each step of a payment's life (scheduled, pending, completed, declined, returned, cancelled).
CREATE TABLE payment_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payment_id  BIGINT       NOT NULL,
    occurred_at TIMESTAMP(3) NOT NULL,
    status      VARCHAR(12)  NOT NULL,
    note        VARCHAR(300) NOT NULL,
    actor       VARCHAR(160) NOT NULL,
    CONSTRAINT fk_payment_events_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_payment_events_payment ON payment_events (payment_id, occurred_at);

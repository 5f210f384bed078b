-- Baseline schema. Runs unchanged on MariaDB and on H2 in MariaDB mode (the embedded default).
-- Money is DECIMAL(19,2), rates DECIMAL(9,4); timestamps are UTC, business dates are DATE.

CREATE TABLE lender_settings (
    id                         BIGINT       NOT NULL PRIMARY KEY,
    lender_name                VARCHAR(120) NOT NULL,
    support_phone              VARCHAR(40)  NOT NULL,
    support_email              VARCHAR(160) NOT NULL,
    primary_color              VARCHAR(7)   NOT NULL,
    cutoff_time                TIME         NOT NULL,
    -- Summary fields the customer sees (PRODUCT.md "Summary")
    show_amount_due            BOOLEAN      NOT NULL,
    show_days_past_due         BOOLEAN      NOT NULL,
    show_next_payment_amount   BOOLEAN      NOT NULL,
    show_next_due_date         BOOLEAN      NOT NULL,
    show_payoff_amount         BOOLEAN      NOT NULL,
    show_principal_balance     BOOLEAN      NOT NULL,
    show_interest_rate         BOOLEAN      NOT NULL,
    show_original_amount       BOOLEAN      NOT NULL,
    show_maturity_date         BOOLEAN      NOT NULL,
    show_payments_remaining    BOOLEAN      NOT NULL,
    show_last_payment          BOOLEAN      NOT NULL,
    show_collateral            BOOLEAN      NOT NULL,
    -- Transactions section
    transactions_enabled       BOOLEAN      NOT NULL,
    show_forecast              BOOLEAN      NOT NULL,
    show_balance_chart         BOOLEAN      NOT NULL,
    allow_transaction_download BOOLEAN      NOT NULL,
    -- Later sections: each switch is a column, added by the migration of the feature that needs it.
    version                    BIGINT       NOT NULL DEFAULT 0,
    updated_at                 TIMESTAMP    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO lender_settings (id, lender_name, support_phone, support_email, primary_color, cutoff_time,
    show_amount_due, show_days_past_due, show_next_payment_amount, show_next_due_date, show_payoff_amount,
    show_principal_balance, show_interest_rate, show_original_amount, show_maturity_date,
    show_payments_remaining, show_last_payment, show_collateral,
    transactions_enabled, show_forecast, show_balance_chart, allow_transaction_download, updated_at)
VALUES (1, 'Borrower Portal Lender', '+1 (800) 555-0100', 'support@example.com', '#1f5fa8', '17:00:00',
    TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE,
    TRUE, TRUE, TRUE, TRUE, CURRENT_TIMESTAMP);

CREATE TABLE customers (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email           VARCHAR(160) NOT NULL,
    password_hash   VARCHAR(100),
    first_name      VARCHAR(80)  NOT NULL,
    last_name       VARCHAR(80)  NOT NULL,
    phone           VARCHAR(40),
    status          VARCHAR(16)  NOT NULL,
    accounts_layout VARCHAR(8)   NOT NULL DEFAULT 'CARDS',
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT uk_customers_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE staff_users (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(160) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT uk_staff_users_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE loan_products (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                VARCHAR(32)  NOT NULL,
    name                VARCHAR(120) NOT NULL,
    default_rate        DECIMAL(9,4) NOT NULL,
    default_term        INT          NOT NULL,
    payment_frequency   VARCHAR(16)  NOT NULL,
    day_count           VARCHAR(16)  NOT NULL,
    collateralized      BOOLEAN      NOT NULL,
    CONSTRAINT uk_loan_products_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A loan's contract terms are copied from its product at origination and never change afterwards.
CREATE TABLE loan_accounts (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    loan_number            VARCHAR(20)   NOT NULL,
    product_id             BIGINT        NOT NULL,
    original_principal     DECIMAL(19,2) NOT NULL,
    annual_rate            DECIMAL(9,4)  NOT NULL,
    number_of_payments     INT           NOT NULL,
    start_date             DATE          NOT NULL,
    first_due_date         DATE          NOT NULL,
    collateral_description VARCHAR(160),
    collateral_vin         VARCHAR(17),
    web_access             BOOLEAN       NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    created_at             TIMESTAMP     NOT NULL,
    CONSTRAINT uk_loan_accounts_number UNIQUE (loan_number),
    CONSTRAINT fk_loan_accounts_product FOREIGN KEY (product_id) REFERENCES loan_products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE customer_accounts (
    customer_id BIGINT      NOT NULL,
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(16) NOT NULL,
    PRIMARY KEY (customer_id, account_id),
    CONSTRAINT fk_customer_accounts_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_customer_accounts_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_customer_accounts_account ON customer_accounts (account_id);

-- Append-only: an entry is never updated or deleted; a REVERSAL row undoes one.
CREATE TABLE ledger_entries (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id     BIGINT        NOT NULL,
    entry_type     VARCHAR(24)   NOT NULL,
    effective_date DATE          NOT NULL,
    amount         DECIMAL(19,2) NOT NULL,
    principal      DECIMAL(19,2) NOT NULL,
    interest       DECIMAL(19,2) NOT NULL,
    fees           DECIMAL(19,2) NOT NULL,
    reverses_id    BIGINT,
    description    VARCHAR(200)  NOT NULL,
    posted_at      TIMESTAMP     NOT NULL,
    posted_by      VARCHAR(160)  NOT NULL,
    CONSTRAINT fk_ledger_entries_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_ledger_entries_reverses FOREIGN KEY (reverses_id) REFERENCES ledger_entries (id),
    -- An entry can be reversed once.
    CONSTRAINT uk_ledger_entries_reverses UNIQUE (reverses_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_ledger_entries_account ON ledger_entries (account_id, effective_date, id);

-- Tamper-evident: each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_events (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  TIMESTAMP(3) NOT NULL,
    actor        VARCHAR(160) NOT NULL,
    actor_role   VARCHAR(16)  NOT NULL,
    customer_id  BIGINT,
    customer     VARCHAR(160),
    loan_number  VARCHAR(20),
    action       VARCHAR(40)  NOT NULL,
    detail       VARCHAR(500) NOT NULL,
    prev_hash    VARCHAR(64)     NOT NULL,
    hash         VARCHAR(64)     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_audit_events_customer ON audit_events (customer_id, occurred_at);
CREATE INDEX ix_audit_events_actor ON audit_events (actor, occurred_at);

-- One row, locked while an audit event is appended, so the hash chain stays linear across nodes.
CREATE TABLE audit_chain_head (
    id        BIGINT   NOT NULL PRIMARY KEY,
    last_hash VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO audit_chain_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');

-- Issue #13 Connect: the lender's identifiers for the portal's copy of the servicing system's data (decision 030).

-- A customer as the servicer knows them: its own id, one to one with a portal customer, and its status.
CREATE TABLE servicer_customers (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id     VARCHAR(64)  NOT NULL,
    customer_id     BIGINT       NOT NULL,
    servicer_status VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    CONSTRAINT uk_servicer_customers_external UNIQUE (external_id),
    CONSTRAINT uk_servicer_customers_customer UNIQUE (customer_id),
    CONSTRAINT fk_servicer_customers_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A loan the servicer sent (loans are known by their loan number), with the servicer's own balance for reconciliation.
CREATE TABLE servicer_loans (
    account_id       BIGINT        NOT NULL PRIMARY KEY,
    servicer_balance DECIMAL(19,2),
    balance_as_of    DATE,
    created_at       TIMESTAMP     NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    CONSTRAINT fk_servicer_loans_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each ledger entry the servicer sent, by its own id (unique per loan): the ledger entry it posted, or the portal
-- payment it was matched to, and a fingerprint of its content, so a repeat answers with the first result and the
-- same id with other content is a conflict.
CREATE TABLE servicer_entries (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT       NOT NULL,
    servicer_entry_id VARCHAR(64)  NOT NULL,
    ledger_entry_id   BIGINT       NOT NULL,
    outcome           VARCHAR(16)  NOT NULL,
    fingerprint       VARCHAR(64)  NOT NULL,
    received_at       TIMESTAMP    NOT NULL,
    CONSTRAINT uk_servicer_entries_id UNIQUE (account_id, servicer_entry_id),
    -- One ledger entry answers to one servicer entry: a portal payment is matched once.
    CONSTRAINT uk_servicer_entries_ledger UNIQUE (ledger_entry_id),
    CONSTRAINT fk_servicer_entries_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_servicer_entries_ledger FOREIGN KEY (ledger_entry_id) REFERENCES ledger_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The portal payment's confirmation number on the ledger entry it posted, so the servicer's echo of it is matched.
ALTER TABLE ledger_entries ADD COLUMN reference VARCHAR(40);
UPDATE ledger_entries SET reference = (SELECT p.confirmation_number FROM payments p WHERE p.ledger_entry_id = ledger_entries.id)
    WHERE id IN (SELECT p.ledger_entry_id FROM payments p WHERE p.ledger_entry_id IS NOT NULL);
CREATE INDEX ix_ledger_entries_reference ON ledger_entries (account_id, reference);

-- Monthly statements (docs/decisions/015-monthly-statements.md). One row per loan and calendar month, written in
-- the same transaction as the statement's document and its emails: the unique key is what makes a rerun, a crash
-- halfway or two nodes at once write each statement exactly once. The figures printed on it are kept beside the
-- document's id. The document id has no foreign key: the documents feature owns its documents' lives, and the
-- record that a statement was written must outlive a document staff withdraw, or the next run would write it again.
-- last_entry_id is the highest ledger id the statement saw; the next one lists entries posted after it even when
-- they are dated earlier (a returned payment's reversal carries the payment's date).
CREATE TABLE statements (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id           BIGINT        NOT NULL,
    period_start         DATE          NOT NULL,
    period_end           DATE          NOT NULL,
    document_id          BIGINT        NOT NULL,
    opening_balance      DECIMAL(19,2) NOT NULL,
    closing_balance      DECIMAL(19,2) NOT NULL,
    interest_paid        DECIMAL(19,2) NOT NULL,
    interest_paid_ytd    DECIMAL(19,2) NOT NULL,
    amount_due           DECIMAL(19,2) NOT NULL,
    next_due_date        DATE,
    final_statement      BOOLEAN       NOT NULL,
    last_entry_id        BIGINT        NOT NULL,
    customers_notified   INT           NOT NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_statements_account_period UNIQUE (account_id, period_start),
    CONSTRAINT fk_statements_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A month whose run went through every loan; the job starts from the month after the last one here. errors
-- counts the loans that failed twice in that run (each is logged); their next statement lists what this one missed.
CREATE TABLE statement_runs (
    period_start       DATE         NOT NULL PRIMARY KEY,
    statements_written INT          NOT NULL,
    errors             INT          NOT NULL,
    completed_at       TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

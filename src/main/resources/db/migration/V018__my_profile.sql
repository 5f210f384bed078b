-- My profile (decision 022): the mailing address beside the phone, the address waiting for its confirmation
-- link during an email change, and the paperless (E-SIGN) consents with the disclosure version each one accepted.
ALTER TABLE customers ADD COLUMN street_line1 VARCHAR(100) NULL;
ALTER TABLE customers ADD COLUMN street_line2 VARCHAR(100) NULL;
ALTER TABLE customers ADD COLUMN city VARCHAR(60) NULL;
ALTER TABLE customers ADD COLUMN state VARCHAR(2) NULL;
ALTER TABLE customers ADD COLUMN zip VARCHAR(10) NULL;
ALTER TABLE customers ADD COLUMN pending_email VARCHAR(160) NULL;

-- One row per consent; a withdrawal closes the row, a later consent opens a new one, so the history of who
-- agreed to which disclosure and when stays (E-SIGN asks the lender to be able to show it).
CREATE TABLE paperless_consents (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id        BIGINT       NOT NULL,
    disclosure_version VARCHAR(20)  NOT NULL,
    email              VARCHAR(160) NOT NULL,
    -- An explicit DEFAULT, as in V003: a MariaDB with explicit_defaults_for_timestamp=OFF would otherwise
    -- rewrite the first TIMESTAMP column on every update.
    consented_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    withdrawn_at       TIMESTAMP(3) NULL,
    CONSTRAINT fk_paperless_consents_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_paperless_consents_customer ON paperless_consents (customer_id, consented_at);

-- Every AutoPay authorization a customer accepted, not only the one in force: a change replaces the AutoPay's
-- own copy, and the payments made before it ran under the earlier one. NACHA asks the lender to keep a debit
-- authorization for two years after it ends, so rows here are never updated or deleted.
CREATE TABLE autopay_authorizations (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    autopay_id            BIGINT        NOT NULL,
    authorization_version VARCHAR(32)   NOT NULL,
    authorization_text    VARCHAR(2000) NOT NULL,
    authorized_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    authorized_from       VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_autopay_authorizations_autopay FOREIGN KEY (autopay_id) REFERENCES autopays (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_autopay_authorizations_autopay ON autopay_authorizations (autopay_id, authorized_at);

-- AutoPays scheduled before this table: the authorization they hold is their first.
INSERT INTO autopay_authorizations (autopay_id, authorization_version, authorization_text, authorized_at, authorized_from)
SELECT id, authorization_version, authorization_text, authorized_at, authorized_from FROM autopays;

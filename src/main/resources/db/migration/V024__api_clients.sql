-- Clients of the inbound API (issue #13, decision 028): a lender's servicing system calling /api/v1 with an API key an
-- admin issued in the console. public_id is the key's non-secret prefix, so a request finds its row by index;
-- secret_sha256 is the SHA-256 of the key's secret part in hex, the only form the secret is kept in. scope is READ or
-- WRITE. expires_at (optional) and revoked_at end the key; last_used_at is written at most once a minute per client.
CREATE TABLE api_clients (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id     VARCHAR(16)  NOT NULL,
    name          VARCHAR(80)  NOT NULL,
    scope         VARCHAR(8)   NOT NULL,
    secret_sha256 VARCHAR(64)  NOT NULL,
    created_by    VARCHAR(160) NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    expires_at    TIMESTAMP(3) NULL,
    revoked_by    VARCHAR(160) NULL,
    revoked_at    TIMESTAMP(3) NULL,
    last_used_at  TIMESTAMP(3) NULL,
    CONSTRAINT uk_api_clients_public_id UNIQUE (public_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

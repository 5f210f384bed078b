-- Documents (docs/decisions/012-documents.md): the lender's categories, each document's row, and its content
-- and thumbnail in tables of their own so a list of documents never reads a blob. A document belongs to a
-- loan and is shared with every customer on it. The same content (sha256) is kept once per loan.
ALTER TABLE lender_settings ADD COLUMN documents_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE lender_settings ADD COLUMN insurance_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE lender_settings ADD COLUMN insurance_warn_days INT NOT NULL DEFAULT 30;

CREATE TABLE document_categories (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(60)  NOT NULL,
    purpose         VARCHAR(20),
    customer_upload BOOLEAN      NOT NULL,
    customer_visible BOOLEAN     NOT NULL,
    position        INT          NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3) NOT NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_document_categories_name UNIQUE (name),
    CONSTRAINT uk_document_categories_purpose UNIQUE (purpose)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every lender starts with these; an admin renames them or adds more (the purpose stays with its row).
INSERT INTO document_categories (name, purpose, customer_upload, customer_visible, position, created_at, updated_at)
VALUES ('Statements', 'STATEMENTS', FALSE, TRUE, 10, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('Proof of Insurance', 'INSURANCE', TRUE, TRUE, 20, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('Loan Documents', NULL, FALSE, TRUE, 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('Correspondence', NULL, FALSE, TRUE, 40, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
       ('Customer Uploads', NULL, TRUE, TRUE, 50, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

CREATE TABLE documents (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference      VARCHAR(20)   NOT NULL,
    account_id     BIGINT        NOT NULL,
    category_id    BIGINT        NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    description    VARCHAR(500),
    file_label     VARCHAR(120),
    content_type   VARCHAR(40)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    page_count     INT,
    source         VARCHAR(10)   NOT NULL,
    customer_id    BIGINT,
    uploaded_by    VARCHAR(160)  NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_documents_reference UNIQUE (reference),
    CONSTRAINT uk_documents_account_sha256 UNIQUE (account_id, sha256),
    CONSTRAINT fk_documents_account FOREIGN KEY (account_id) REFERENCES loan_accounts (id),
    CONSTRAINT fk_documents_category FOREIGN KEY (category_id) REFERENCES document_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_documents_account_created ON documents (account_id, created_at);

CREATE TABLE document_contents (
    document_id BIGINT   NOT NULL PRIMARY KEY,
    content     LONGBLOB NOT NULL,
    CONSTRAINT fk_document_contents_document FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB;

-- A first-page (PDF) or scaled (image) PNG, rendered once when first asked for.
CREATE TABLE document_thumbnails (
    document_id BIGINT     NOT NULL PRIMARY KEY,
    png         MEDIUMBLOB NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_document_thumbnails_document FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB;

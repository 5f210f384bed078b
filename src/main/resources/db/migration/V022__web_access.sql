-- Web access per loan and per customer (issue #12, decision 025). loan_accounts.web_access exists since the
-- baseline; staff now switch it with a reason, and a customer can be switched off altogether. The row keeps the
-- last switch (reason, when, by whom) for the staff page; the audit log keeps every one.
ALTER TABLE loan_accounts ADD COLUMN web_access_reason VARCHAR(500) NULL;
ALTER TABLE loan_accounts ADD COLUMN web_access_changed_at TIMESTAMP(3) NULL;
ALTER TABLE loan_accounts ADD COLUMN web_access_changed_by VARCHAR(160) NULL;
ALTER TABLE customers ADD COLUMN web_access BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE customers ADD COLUMN web_access_reason VARCHAR(500) NULL;
ALTER TABLE customers ADD COLUMN web_access_changed_at TIMESTAMP(3) NULL;
ALTER TABLE customers ADD COLUMN web_access_changed_by VARCHAR(160) NULL;

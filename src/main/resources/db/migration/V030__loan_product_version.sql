-- Issue #13 Connect: loan products defined by the servicing system, the CSV import and admins (decision 034). The
-- version lets the staff page refuse to overwrite a change (the servicer's, another admin's) its editor did not see.
ALTER TABLE loan_products ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

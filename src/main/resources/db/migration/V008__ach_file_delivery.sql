-- ACH files are delivered exactly once (docs/decisions/010-ach-delivery.md). A file row is committed with
-- its payments as WRITTEN; DELIVERING is committed just before the file gets its final name in the outbox;
-- DELIVERED once it has it; PURGED once it was deleted from disk after the retention period. Only debits in a
-- DELIVERED (or PURGED) file ever settle. Files written before this migration were renamed after their commit
-- and are taken as delivered, as the portal took them then.
ALTER TABLE ach_files ADD COLUMN state VARCHAR(12) NOT NULL DEFAULT 'DELIVERED';
ALTER TABLE ach_files ADD COLUMN delivered_at TIMESTAMP(3) NULL;
ALTER TABLE ach_files ADD COLUMN purged_at TIMESTAMP(3) NULL;
UPDATE ach_files SET delivered_at = created_at;
ALTER TABLE ach_files ALTER COLUMN state DROP DEFAULT;
CREATE INDEX ix_ach_files_state ON ach_files (state, delivered_at);

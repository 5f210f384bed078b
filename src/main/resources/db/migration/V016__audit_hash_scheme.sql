-- How each audit row's hash was made (decision 020): 1 = SHA-256 over the fields joined with '|' (rows written
-- before this migration), 2 = HMAC-SHA256 with a key kept outside the database over length-prefixed fields.
-- Rows keep their scheme, so the old ones still verify; new rows are written with scheme 2.
ALTER TABLE audit_events ADD COLUMN hash_scheme INT NOT NULL DEFAULT 1;

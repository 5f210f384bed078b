-- Addresses are stored in lower case (common.EmailAddresses), so sign-in and uniqueness checks compare the column
-- itself and use its unique index. The application already wrote most of them this way; this brings the rest.
-- Every row, without a WHERE: MariaDB's case-insensitive collation would find 'Jane@x' equal to 'jane@x'. Its
-- case-insensitive unique keys never let two rows differ only by case, so no row collides.
UPDATE customers SET email = LOWER(TRIM(email));
UPDATE customers SET pending_email = LOWER(TRIM(pending_email)) WHERE pending_email IS NOT NULL;
UPDATE staff_users SET email = LOWER(TRIM(email));

-- lender_settings.logo_sha256 was CHAR(64), which the embedded H2 default's schema validation refuses for a String
-- (MariaDB's allowed it, so only ./mvnw spring-boot:run stopped at start-up). VARCHAR(64) like every other hash
-- column; the values are always 64 hex digits, so nothing changes for the rows.
ALTER TABLE lender_settings MODIFY COLUMN logo_sha256 VARCHAR(64) NULL;

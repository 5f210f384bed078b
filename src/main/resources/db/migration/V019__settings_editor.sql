-- The customer website settings editor (issue #12, decision 024): the lender's time zone becomes a setting, the
-- Summary fields get an order, a save records who made it, and the lender's logo is kept.

-- The time zone was deployment configuration (decision 003); an install keeps the zone it was started with:
-- ${lender_time_zone} is portal.time-zone (spring.flyway.placeholders in application.properties).
ALTER TABLE lender_settings ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'America/New_York';
UPDATE lender_settings SET time_zone = '${lender_time_zone}' WHERE id = 1;

-- The Summary fields shown, in the order shown: names of SummaryField, comma-separated. It replaces the twelve
-- show_* switches (a field not listed is hidden); today's switches carry over in the order the page used.
ALTER TABLE lender_settings ADD COLUMN summary_fields VARCHAR(400) NOT NULL DEFAULT '';
UPDATE lender_settings SET summary_fields = CONCAT_WS(',',
    CASE WHEN show_amount_due THEN 'AMOUNT_DUE' END,
    CASE WHEN show_days_past_due THEN 'DAYS_PAST_DUE' END,
    CASE WHEN show_next_payment_amount THEN 'NEXT_PAYMENT_AMOUNT' END,
    CASE WHEN show_next_due_date THEN 'NEXT_DUE_DATE' END,
    CASE WHEN show_payoff_amount THEN 'PAYOFF_AMOUNT' END,
    CASE WHEN show_principal_balance THEN 'PRINCIPAL_BALANCE' END,
    CASE WHEN show_interest_rate THEN 'INTEREST_RATE' END,
    CASE WHEN show_original_amount THEN 'ORIGINAL_AMOUNT' END,
    CASE WHEN show_maturity_date THEN 'MATURITY_DATE' END,
    CASE WHEN show_payments_remaining THEN 'PAYMENTS_REMAINING' END,
    CASE WHEN show_last_payment THEN 'LAST_PAYMENT' END,
    CASE WHEN show_collateral THEN 'COLLATERAL' END);
ALTER TABLE lender_settings DROP COLUMN show_amount_due;
ALTER TABLE lender_settings DROP COLUMN show_days_past_due;
ALTER TABLE lender_settings DROP COLUMN show_next_payment_amount;
ALTER TABLE lender_settings DROP COLUMN show_next_due_date;
ALTER TABLE lender_settings DROP COLUMN show_payoff_amount;
ALTER TABLE lender_settings DROP COLUMN show_principal_balance;
ALTER TABLE lender_settings DROP COLUMN show_interest_rate;
ALTER TABLE lender_settings DROP COLUMN show_original_amount;
ALTER TABLE lender_settings DROP COLUMN show_maturity_date;
ALTER TABLE lender_settings DROP COLUMN show_payments_remaining;
ALTER TABLE lender_settings DROP COLUMN show_last_payment;
ALTER TABLE lender_settings DROP COLUMN show_collateral;

-- Who saved the settings last (an admin's email; NULL before the first save through the editor), shown to an
-- admin whose save came second. The logo: its SHA-256 names the row of lender_logos that holds it.
ALTER TABLE lender_settings ADD COLUMN updated_by VARCHAR(160) NULL;
ALTER TABLE lender_settings ADD COLUMN logo_sha256 CHAR(64) NULL;

-- The logo's bytes apart from the settings row, which every node reads on every refresh: only the logo's own
-- address reads them. Content-addressed; a replaced logo's row is deleted in the same save.
CREATE TABLE lender_logos (
    sha256       CHAR(64)    NOT NULL PRIMARY KEY,
    content_type VARCHAR(40) NOT NULL,
    content      MEDIUMBLOB  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

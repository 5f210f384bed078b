-- Payments made by a standing instruction (AutoPay today) name it generically: the payment module knows
-- that a standing order made a payment and what the customer calls it, not which feature it was.
ALTER TABLE payments RENAME COLUMN autopay_reference TO standing_reference;
ALTER TABLE payments ADD COLUMN standing_kind VARCHAR(40) NULL;
UPDATE payments SET standing_kind = 'AutoPay' WHERE standing_reference IS NOT NULL;

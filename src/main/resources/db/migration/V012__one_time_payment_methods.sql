-- A card or bank account a customer enters for one payment without saving it (decision 013). It is a
-- payment_profiles row like a saved one, so the processor's token and the encrypted account number serve
-- the charge, the NACHA file and a return unchanged; on_file = FALSE keeps it out of every list of saved
-- methods, and used_at (set, under a row lock, with the payment it was entered for) stops a second payment.
ALTER TABLE payment_profiles ADD COLUMN on_file BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE payment_profiles ADD COLUMN used_at TIMESTAMP(3) NULL;

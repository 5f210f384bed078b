-- Access (issue #11): when a customer was last sent an activation link (the staff page shows it, the bulk
-- invitation skips customers whose link has not expired), and, per account, the instant before which every
-- signed-in session has ended: set on a password reset or change, checked on each request on every node
-- (decision 016).
ALTER TABLE customers ADD COLUMN invited_at TIMESTAMP(3) NULL;
ALTER TABLE customers ADD COLUMN sessions_valid_after TIMESTAMP(3) NULL;
ALTER TABLE staff_users ADD COLUMN sessions_valid_after TIMESTAMP(3) NULL;

-- Staff and admin users (issue #12, decision 027). An invited staff member has no password until they use the
-- activation link (the same single-use link as a customer's, decision 016); invited_at is when the last link was
-- sent. last_signed_in_at is when they last finished signing in (password and second factor). deactivated_at is
-- when an admin switched their access off (NULL while active); deactivation also stamps sessions_valid_after,
-- which ends their sessions on every node.
ALTER TABLE staff_users MODIFY COLUMN password_hash VARCHAR(100) NULL;
ALTER TABLE staff_users ADD COLUMN invited_at TIMESTAMP(3) NULL;
ALTER TABLE staff_users ADD COLUMN last_signed_in_at TIMESTAMP(3) NULL;
ALTER TABLE staff_users ADD COLUMN deactivated_at TIMESTAMP(3) NULL;

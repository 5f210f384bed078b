-- Decision 035. Webhook signing secrets are stored encrypted (WebhookSecrets: v1: + Base64 of IV, ciphertext and
-- tag, 107 characters for a 49-character secret), which VARCHAR(100) cannot hold. The rows stored before are
-- encrypted at start-up by the application, which holds the key; this migration only makes room.
ALTER TABLE webhook_endpoints MODIFY COLUMN secret VARCHAR(255) NOT NULL;

-- The retention job (OutboxRetention) looks for events older than the retention, oldest first, a small batch at a
-- time: without this index each batch would scan the whole table.
CREATE INDEX ix_outbox_events_occurred ON outbox_events (occurred_at);

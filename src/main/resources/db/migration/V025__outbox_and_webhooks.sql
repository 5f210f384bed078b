-- Outbound events (outbox module, decision 029): what the portal originates, for the lender's servicing
-- system to take in by the event feed or by signed webhooks. Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- One row per event, inserted in the transaction of the change it describes (Outbox.record joins it), so a
-- rolled-back change leaves no event. id is only the insertion order; sequence_no, the feed's cursor, is given
-- after the row committed, in commit order, by one sequencer at a time (OutboxSequencer): a reader never sees a
-- higher cursor before a lower one that later fills in. Unique allows many NULLs (rows not sequenced yet).
CREATE TABLE outbox_events (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sequence_no    BIGINT       NULL,
    event_id       VARCHAR(36)  NOT NULL,
    event_type     VARCHAR(40)  NOT NULL,
    aggregate_type VARCHAR(40)  NOT NULL,
    aggregate_id   VARCHAR(64)  NOT NULL,
    occurred_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    payload        MEDIUMTEXT   NOT NULL,
    CONSTRAINT uq_outbox_events_event_id UNIQUE (event_id),
    CONSTRAINT uq_outbox_events_sequence UNIQUE (sequence_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_outbox_events_aggregate ON outbox_events (aggregate_type, aggregate_id);

-- The last sequence number given: its one row is locked by the sequencer, which serializes sequencing on
-- every node.
CREATE TABLE outbox_sequence (
    id            INT    NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO outbox_sequence (id, last_sequence) VALUES (1, 0);

-- Webhook endpoints an admin configured. last_sequence is the endpoint's own cursor: events after it are
-- delivered in sequence order, one at a time; attempts, next_attempt_at and last_error are those of the event
-- after the cursor (the head). The secret signs each delivery (HMAC-SHA256) and is shown to the admin once.
CREATE TABLE webhook_endpoints (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    description     VARCHAR(200)  NOT NULL,
    secret          VARCHAR(100)  NOT NULL,
    active          BOOLEAN       NOT NULL,
    last_sequence   BIGINT        NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_error      VARCHAR(500)  NULL,
    created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by      VARCHAR(320)  NOT NULL,
    deactivated_at  TIMESTAMP(3)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- An event an endpoint did not take after the last attempt: its cursor moved on, the event waits here for an
-- admin's Retry.
CREATE TABLE webhook_dead_letters (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    endpoint_id BIGINT       NOT NULL,
    sequence_no BIGINT       NOT NULL,
    attempts    INT          NOT NULL,
    last_error  VARCHAR(500) NOT NULL,
    dead_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    resolved_at TIMESTAMP(3) NULL,
    resolved_by VARCHAR(320) NULL,
    CONSTRAINT fk_webhook_dead_letters_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id),
    CONSTRAINT uq_webhook_dead_letters UNIQUE (endpoint_id, sequence_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_webhook_dead_letters_open ON webhook_dead_letters (resolved_at, dead_at);

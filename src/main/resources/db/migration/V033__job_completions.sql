-- The business date each daily job last finished for, and when (common.JobCompletions, decision 038): written by the
-- node that ran it, read by every node's metrics, so Prometheus can tell a day's AutoPay run that never happened
-- whichever node it asks, and whichever node was meant to run it.
CREATE TABLE job_completions (
    job VARCHAR(64) NOT NULL,
    business_date DATE NOT NULL,
    completed_at TIMESTAMP(3) NOT NULL,
    duration_ms BIGINT NOT NULL,
    PRIMARY KEY (job)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

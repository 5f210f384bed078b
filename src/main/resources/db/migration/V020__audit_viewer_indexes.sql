-- The audit log viewer (issue #12, decision 026) lists entries newest first, by occurred_at then id, filtered by
-- customer, loan, actor, action and a date range. V001 already indexes (customer_id, occurred_at) and
-- (actor, occurred_at). These cover the other filters and the unfiltered first page; InnoDB appends the
-- primary key to each, so "order by occurred_at desc, id desc" reads an index backwards with no sort.
CREATE INDEX ix_audit_events_loan ON audit_events (loan_number, occurred_at);
CREATE INDEX ix_audit_events_action ON audit_events (action, occurred_at);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);

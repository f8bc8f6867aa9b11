-- Every check of a payment at its provider, not only the last: what it answered or why it could not, and the trace of
-- the check (null where tracing is off). Operations' timeline shows one step per row. A payment is checked with a
-- backoff until it closes or gives up (Reconciliation:StaleAfter), so its rows are few; they go with the payment.
-- Idempotent: re-running changes nothing.
CREATE TABLE IF NOT EXISTS reconciliation.checks (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES reconciliation.payments (order_id) ON DELETE CASCADE,
    checked_at      timestamptz NOT NULL,
    provider_status text,                   -- null when the check failed
    error           text,                   -- null when the provider answered
    trace_id        text
);
CREATE INDEX IF NOT EXISTS checks_order ON reconciliation.checks (order_id, checked_at);

-- The check that found it: its trace goes on through the announcement to Orders.
ALTER TABLE reconciliation.findings ADD COLUMN IF NOT EXISTS trace_id text;

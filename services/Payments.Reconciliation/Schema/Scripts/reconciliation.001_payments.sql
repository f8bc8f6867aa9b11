-- Reconciliation's own database. Idempotent: re-running changes nothing.
CREATE SCHEMA IF NOT EXISTS reconciliation;

-- Orders' statuses in Orders' own monotonic order (awaiting < failed < paid < refunded; needs_attention absorbs):
-- taking the higher of two makes our view converge whatever order Orders' events arrive in.
CREATE OR REPLACE FUNCTION reconciliation.status_rank(status text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE status
        WHEN 'awaiting_payment' THEN 0
        WHEN 'payment_failed' THEN 1
        WHEN 'paid' THEN 2
        WHEN 'refunded' THEN 3
        WHEN 'needs_attention' THEN 4
    END
$$;

-- Our view of every payment Orders announced, and when to ask its provider about it next.
CREATE TABLE IF NOT EXISTS reconciliation.payments (
    order_id        uuid        PRIMARY KEY,
    payment_id      text,
    provider        text,                   -- null until OrderCreated arrives (an outcome may overtake it)
    amount_minor    bigint      NOT NULL,
    currency        text        NOT NULL,
    created_at      timestamptz NOT NULL,   -- the order's creation: staleness and the give-up deadline count from here
    status          text        NOT NULL
                    CHECK (status IN ('awaiting_payment', 'payment_failed', 'paid', 'refunded', 'needs_attention')),
    next_check_at   timestamptz,            -- null: not watched (closed, stuck, or provider not known yet)
    claim_id        uuid,                   -- the pass holding it; next_check_at is then the claim's expiry
    checks          integer     NOT NULL DEFAULT 0,
    provider_errors integer     NOT NULL DEFAULT 0,  -- consecutive, reset by a successful check
    provider_status text,
    last_checked_at timestamptz,
    last_error      text,
    stuck_at        timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Only watched payments are in this index, so a pass over many pending payments with few due reads only the due ones.
CREATE INDEX IF NOT EXISTS payments_due ON reconciliation.payments (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS payments_created ON reconciliation.payments (created_at);
-- Not unique: Orders guarantees that, and a second unique index would make concurrent upserts of one order (an
-- outcome racing OrderCreated) fail on it instead of meeting on the primary key.
CREATE INDEX IF NOT EXISTS payments_payment_id ON reconciliation.payments (payment_id);

-- What reconciliation itself announced: one row per payment and outcome, so a finding is published once however
-- often a pass sees it (the event id is deterministic, but an outbox row may still be waiting for the relay).
CREATE TABLE IF NOT EXISTS reconciliation.findings (
    event_id     uuid        PRIMARY KEY,
    order_id     uuid        NOT NULL,
    payment_id   text        NOT NULL,
    kind         text        NOT NULL,
    amount_minor bigint      NOT NULL,
    currency     text        NOT NULL,
    found_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS findings_order ON reconciliation.findings (order_id);

-- Orders' own database. Idempotent: re-running changes nothing.
CREATE SCHEMA IF NOT EXISTS orders;

CREATE TABLE IF NOT EXISTS orders.orders (
    id                  uuid        PRIMARY KEY,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    customer_email      text        NOT NULL,
    status              text        NOT NULL DEFAULT 'awaiting_payment'
                        CHECK (status IN ('awaiting_payment', 'payment_failed', 'paid', 'refunded', 'needs_attention')),
    provider            text,
    payment_id          text        UNIQUE,
    refunded_minor      bigint,
    attention_reason    text,
    idempotency_key     text        UNIQUE,
    request_fingerprint text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Every payment event seen for an order, applied or not, with what it did: the order's audit trail.
CREATE TABLE IF NOT EXISTS orders.payment_events (
    event_id          uuid        PRIMARY KEY,
    order_id          uuid        NOT NULL REFERENCES orders.orders (id),
    kind              text        NOT NULL,
    source            text        NOT NULL,
    provider          text        NOT NULL,
    provider_event_id text        NOT NULL,
    payment_id        text        NOT NULL,
    amount_minor      bigint      NOT NULL,
    currency          text        NOT NULL,
    occurred_at       timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    from_status       text        NOT NULL,
    to_status         text        NOT NULL,
    outcome           text        NOT NULL,
    explanation       text        NOT NULL
);
CREATE INDEX IF NOT EXISTS payment_events_order ON orders.payment_events (order_id, recorded_at);

-- Inbox and outbox (shared/Payments.Messaging). Every statement is idempotent: re-running it changes nothing.
CREATE SCHEMA IF NOT EXISTS messaging;

-- One row per (consumer, message) handled; the primary key decides duplicates inside the business transaction.
CREATE TABLE IF NOT EXISTS messaging.inbox (
    consumer    text        NOT NULL,
    message_id  uuid        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX IF NOT EXISTS inbox_received_at ON messaging.inbox (received_at);

-- Messages written in a business transaction, waiting for the relay. id is the message id consumers dedupe on.
CREATE TABLE IF NOT EXISTS messaging.outbox (
    id           uuid        PRIMARY KEY,
    message_type text        NOT NULL,   -- urn:message:Namespace:Type
    destination  text        NOT NULL,   -- exchange
    body         json        NOT NULL,   -- the message itself (the envelope is written at publish time)
    headers      jsonb       NOT NULL DEFAULT '{}',  -- incl. traceparent of the span that wrote the row
    mandatory    boolean     NOT NULL DEFAULT false, -- a command must reach a queue; an event may have no subscriber
    created_at   timestamptz NOT NULL DEFAULT now(),
    available_at timestamptz NOT NULL DEFAULT now(),  -- not before: backoff after a failed publish
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX IF NOT EXISTS outbox_available_at ON messaging.outbox (available_at);

-- Rows that failed MaxAttempts times: kept for an operator to inspect and re-queue; never block the rows behind.
CREATE TABLE IF NOT EXISTS messaging.outbox_parked (
    id           uuid        PRIMARY KEY,
    message_type text        NOT NULL,
    destination  text        NOT NULL,
    body         json        NOT NULL,
    headers      jsonb       NOT NULL,
    mandatory    boolean     NOT NULL,
    created_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL,
    last_error   text,
    parked_at    timestamptz NOT NULL DEFAULT now()
);

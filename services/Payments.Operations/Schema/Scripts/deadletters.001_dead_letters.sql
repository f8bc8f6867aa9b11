-- Operations' own database. Idempotent: re-running changes nothing.
CREATE SCHEMA IF NOT EXISTS deadletters;

-- Every message taken from a consumer's error queue, kept until replayed or discarded (and after, as history).
-- dedup_key (message id and MassTransit's fault timestamp) makes a redelivered copy of the same failure one row,
-- while the same message failing again after a replay is a new row.
CREATE TABLE IF NOT EXISTS deadletters.messages (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue           text        NOT NULL,   -- the error queue it was read from, e.g. orders-payment-events_error
    dedup_key       text        NOT NULL,
    message_id      text,
    message_type    text,                   -- short name, e.g. PaymentEventReceived
    content_type    text,
    headers         jsonb       NOT NULL,   -- every AMQP header as text, MassTransit's MT-* fault headers included
    properties      jsonb       NOT NULL,   -- the AMQP basic properties a replay sets again
    body            bytea       NOT NULL,
    reason          text,                   -- MT-Reason
    fault_message   text,                   -- MT-Fault-Message
    exception_type  text,                   -- MT-Fault-ExceptionType
    input_address   text,                   -- MT-Fault-InputAddress
    failed_at       timestamptz,            -- MT-Fault-Timestamp
    order_id        text,
    payment_id      text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    state           text        NOT NULL DEFAULT 'dead' CHECK (state IN ('dead', 'replayed', 'discarded')),
    replayed_at     timestamptz,
    replay_count    integer     NOT NULL DEFAULT 0,
    discarded_at    timestamptz,
    discarded_by    text,
    discard_reason  text,
    UNIQUE (queue, dedup_key)
);

-- The list: newest first, filtered by state and one of queue, type, order or time; reason text by trigram-free ILIKE
-- over the rows the other filters leave (10,000 rows scan in milliseconds; measured in the README).
CREATE INDEX IF NOT EXISTS messages_state_failed ON deadletters.messages (state, failed_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS messages_queue_failed ON deadletters.messages (queue, failed_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS messages_type_failed ON deadletters.messages (message_type, failed_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS messages_order ON deadletters.messages (order_id) WHERE order_id IS NOT NULL;

-- What an operator needs to tell one order's story (the Operations timeline). Idempotent: re-running changes nothing.

-- Redeliveries of an event the inbox absorbed (the same webhook sent again): one counter update per duplicate, never
-- on a first delivery.
ALTER TABLE orders.payment_events ADD COLUMN IF NOT EXISTS duplicates integer NOT NULL DEFAULT 0;

-- The W3C trace id (https://www.w3.org/TR/trace-context/#trace-id) of the span that recorded the event, or created the
-- order: written by the statement that already writes the row.
ALTER TABLE orders.payment_events ADD COLUMN IF NOT EXISTS trace_id text;
ALTER TABLE orders.orders ADD COLUMN IF NOT EXISTS trace_id text;

-- The lookup by provider event id (an operator pasting an evt_... from the provider's dashboard).
CREATE INDEX IF NOT EXISTS payment_events_provider_event ON orders.payment_events (provider_event_id);

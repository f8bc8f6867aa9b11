-- Notifications' own database. Idempotent: re-running changes nothing.
CREATE SCHEMA IF NOT EXISTS notifications;

-- One row per email we owe someone, written in the same transaction as the inbox record of the event that caused it.
-- The primary key (derived from the event's message id and the kind) keeps it unique even after the inbox has
-- forgotten the message; the row is the only thing the sender works from.
CREATE TABLE IF NOT EXISTS notifications.notifications (
    id              uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL,   -- the message id of the event that caused it
    order_id        uuid        NOT NULL,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,   -- personal data: never logged, never returned by the API
    message_id      text        NOT NULL,   -- the email's Message-ID header, the same on every attempt
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'parked')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,                   -- sanitized: no addresses
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    parked_at       timestamptz,
    resent_at       timestamptz
);
CREATE INDEX IF NOT EXISTS notifications_due ON notifications.notifications (next_attempt_at) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notifications_parked ON notifications.notifications (parked_at) WHERE state = 'parked';
CREATE INDEX IF NOT EXISTS notifications_order ON notifications.notifications (order_id, created_at);

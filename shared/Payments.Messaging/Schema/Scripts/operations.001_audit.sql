-- The operator audit (shared/Payments.Messaging/Operations): one row per call of an operator endpoint. Idempotent.
CREATE SCHEMA IF NOT EXISTS operations;

CREATE TABLE IF NOT EXISTS operations.audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    subject     text        NOT NULL,   -- the token's sub (or client_id); "(anonymous)" for a call without a valid token
    name        text,                   -- the token's name claim, when it has one
    action      text        NOT NULL,   -- method and route, e.g. POST /admin/outbox/parked/{id:guid}/requeue
    target      text        NOT NULL,   -- the path and query called
    status_code integer     NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON operations.audit (at);

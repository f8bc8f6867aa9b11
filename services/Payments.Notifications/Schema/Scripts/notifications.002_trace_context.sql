-- W3C trace context of the consumer span that recorded the notification (https://www.w3.org/TR/trace-context/):
-- the sender's "notification send" span continues that trace, so an email shows up under the event that caused it.
ALTER TABLE notifications.notifications ADD COLUMN IF NOT EXISTS traceparent text;
ALTER TABLE notifications.notifications ADD COLUMN IF NOT EXISTS tracestate text;

-- Parked rows are deleted Messaging:Outbox:ParkedRetention after they were parked; the cleanup finds them by parked_at.
CREATE INDEX IF NOT EXISTS outbox_parked_parked_at ON messaging.outbox_parked (parked_at);

-- Sent notifications hold personal data (the recipient, the bodies) and are deleted after Notifications:Retention.
-- BRIN, not B-tree: rows arrive in created_at order, so block ranges summarize them well, and a BRIN index adds next to
-- nothing to the insert and to the update that records a send (a B-tree entry per row version would).
CREATE INDEX IF NOT EXISTS notifications_created_brin ON notifications.notifications USING brin (created_at);

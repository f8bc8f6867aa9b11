-- The inbox records each consumer under its declared inbox key (ReconciliationExtensions), no longer under its
-- handler's class name: rows written under the old names are carried over, so what the inbox remembers stays a
-- duplicate (docs/decisions/0032-explicit-inbox-keys.md). Idempotent: a second run finds no row left to carry. A
-- message recorded under both names (by an instance of each release) keeps its new row; the old one ages out with the
-- retention.
UPDATE messaging.inbox AS inbox
   SET consumer = renamed.inbox_key
  FROM (VALUES ('OrderCreatedHandler', 'order-created'),
               ('OrderPaymentStatusChangedHandler', 'order-payment-status-changed'),
               ('OrderNeedsAttentionHandler', 'order-needs-attention')) AS renamed (class_name, inbox_key)
 WHERE inbox.consumer = renamed.class_name
   AND NOT EXISTS (SELECT 1 FROM messaging.inbox AS kept WHERE kept.consumer = renamed.inbox_key AND kept.message_id = inbox.message_id);

using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

/// <summary>The write that records a notification, to run in the consumer's inbox transaction.</summary>
public static class NotificationRows
{
    /// <summary>
    /// Inserts the notification unless it exists: a second guard behind the inbox, which forgets after its retention
    /// (the command's RecordsAffected tells which). With a <paramref name="lease"/> the row is reserved for this instance
    /// that long, as a claim would have reserved it: it is being handed to this instance's sender.
    /// </summary>
    public static NpgsqlBatchCommand Insert(NotificationDraft draft, TimeSpan lease = default) =>
        new NpgsqlBatchCommand(
            """
            INSERT INTO notifications.notifications
                (id, event_id, order_id, kind, recipient, message_id, subject, text_body, html_body, state, last_error, parked_at, traceparent, tracestate, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $10 = 'parked' THEN now() END, $12, $13, now() + $14)
            ON CONFLICT (id) DO NOTHING
            """)
        .Bind(draft.Id)
        .Bind(draft.EventId)
        .Bind(draft.OrderId)
        .Bind(draft.Kind)
        .Bind(draft.Recipient)
        .Bind(draft.MessageId)
        .Bind(draft.Content.Subject)
        .Bind(draft.Content.Text)
        .Bind(draft.Content.Html)
        .Bind(draft.Unsendable is null ? NotificationState.Pending : NotificationState.Parked)
        .Bind(draft.Unsendable)
        .Bind(draft.TraceParent)
        .Bind(draft.TraceState)
        .Bind(lease);
}

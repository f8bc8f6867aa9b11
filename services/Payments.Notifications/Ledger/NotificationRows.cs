using Npgsql;

namespace Payments.Notifications.Ledger;

/// <summary>The write that records a notification, to run in the consumer's inbox transaction.</summary>
public static class NotificationRows
{
    /// <summary>
    /// Inserts the notification unless it exists: a second guard behind the inbox, which forgets after its retention
    /// (the command's RecordsAffected tells which). With a <paramref name="lease"/> the row is reserved for this instance
    /// that long, as a claim would have reserved it: it is being handed to this instance's sender.
    /// </summary>
    public static NpgsqlBatchCommand Insert(NotificationDraft draft, TimeSpan lease = default)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO notifications.notifications
                (id, event_id, order_id, kind, recipient, message_id, subject, text_body, html_body, state, last_error, parked_at, traceparent, tracestate, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $10 = 'parked' THEN now() END, $12, $13, now() + $14)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = draft.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = draft.EventId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = draft.OrderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Recipient });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.MessageId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Content.Subject });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Content.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Content.Html });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = draft.Unsendable is null ? NotificationState.Pending : NotificationState.Parked });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = draft.Unsendable });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = draft.TraceParent });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = draft.TraceState });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease });
        return command;
    }
}

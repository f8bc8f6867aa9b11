using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;
using Payments.Notifications.Ledger;

namespace Payments.Notifications.Sending;

/// <summary>
/// The sender's SQL. A claim leases due rows by moving their next_attempt_at forward by the lease (FOR UPDATE SKIP
/// LOCKED, so instances never claim the same row); the outcomes of many sends are then recorded in one transaction.
/// A crashed sender's rows become due again when their lease ends.
/// </summary>
internal static class NotificationClaims
{
    public static async Task<List<PendingNotification>> ClaimAsync(NpgsqlDataSource dataSource, int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE notifications.notifications n SET next_attempt_at = now() + $2
            FROM (SELECT id FROM notifications.notifications
                  WHERE state = 'pending' AND next_attempt_at <= now()
                  ORDER BY next_attempt_at
                  LIMIT $1
                  FOR UPDATE SKIP LOCKED) due
            WHERE n.id = due.id
            RETURNING n.id, n.order_id, n.kind, n.recipient, n.message_id, n.subject, n.text_body, n.html_body, n.attempts, n.traceparent, n.tracestate
            """).Bind(count).Bind(lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimedAt = Stopwatch.GetTimestamp();
        // The ordinals once per claim, not per row.
        int id = reader.GetOrdinal("id"), orderId = reader.GetOrdinal("order_id"), kind = reader.GetOrdinal("kind"), recipient = reader.GetOrdinal("recipient"),
            messageId = reader.GetOrdinal("message_id"), subject = reader.GetOrdinal("subject"), textBody = reader.GetOrdinal("text_body"),
            htmlBody = reader.GetOrdinal("html_body"), attempts = reader.GetOrdinal("attempts"), traceparent = reader.GetOrdinal("traceparent"),
            tracestate = reader.GetOrdinal("tracestate");
        var claimed = new List<PendingNotification>(count);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new PendingNotification(reader.GetGuid(id), reader.GetGuid(orderId), reader.GetString(kind), reader.GetString(recipient),
                reader.GetString(messageId), reader.GetString(subject), reader.GetString(textBody), reader.GetString(htmlBody), reader.GetInt32(attempts),
                claimedAt, reader.GetOrNull<string>(traceparent), reader.GetOrNull<string>(tracestate)));
        }

        return claimed;
    }

    /// <summary>
    /// Records every outcome in one statement (one commit, one WAL flush, however many sends it covers). Each row is found
    /// by its primary key. "Not sent, not parked" is "pending" under the table's check constraint, written so that the
    /// planner cannot read it as <c>state = 'pending'</c>: that would let it take the partial index notifications_due
    /// for all pending rows in a bitmap scan, which visits every dead entry the index holds on every call (a bitmap scan
    /// never marks them dead), 0.58 ms a call against 0.07 by key at 250 emails/s
    /// (docs/decisions/0036-one-wake-up-per-email.md).
    /// </summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, IReadOnlyList<SendResult> results, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE notifications.notifications n SET
                state           = o.state,
                attempts        = n.attempts + o.attempted,
                sent_at         = CASE WHEN o.state = 'sent' THEN now() ELSE n.sent_at END,
                parked_at       = CASE WHEN o.state = 'parked' THEN now() ELSE n.parked_at END,
                last_error      = coalesce(o.error, n.last_error),
                next_attempt_at = now() + o.delay
            FROM unnest($1, $2, $3, $4, $5) AS o(id, state, attempted, error, delay)
            WHERE n.id = o.id AND n.state NOT IN ('sent', 'parked')
            """)
            .Bind<Guid[]>([.. results.Select(r => r.Notification.Id)])
            .Bind<string[]>([.. results.Select(r => State(r.Outcome))])
            .Bind<int[]>([.. results.Select(r => r.Outcome == SendOutcome.Released ? 0 : 1)])
            .Bind<string?[]>([.. results.Select(r => r.Failure?.Reason)], NpgsqlDbType.Array | NpgsqlDbType.Text)
            .Bind<TimeSpan[]>([.. results.Select(r => r.RetryAfter)]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string State(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => NotificationState.Sent,
        SendOutcome.Parked => NotificationState.Parked,
        _ => NotificationState.Pending,
    };
}

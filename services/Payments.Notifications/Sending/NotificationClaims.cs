using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
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
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimedAt = Stopwatch.GetTimestamp();
        var claimed = new List<PendingNotification>(count);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new PendingNotification(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8), claimedAt,
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return claimed;
    }

    /// <summary>Records every outcome in one statement (one commit, one WAL flush, however many sends it covers).</summary>
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
            WHERE n.id = o.id AND n.state = 'pending'
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. results.Select(r => r.Notification.Id)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. results.Select(r => State(r.Outcome))] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. results.Select(r => r.Outcome == SendOutcome.Released ? 0 : 1)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. results.Select(r => r.Failure?.Reason)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan[]> { TypedValue = [.. results.Select(r => r.RetryAfter)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string State(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => NotificationState.Sent,
        SendOutcome.Parked => NotificationState.Parked,
        _ => NotificationState.Pending,
    };
}

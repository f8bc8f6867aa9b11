using Npgsql;
using Payments.Notifications.Notifications;

namespace Payments.Notifications.Sending;

/// <summary>The sender's SQL: claim one due notification (row lock held while it is sent), then record the outcome.</summary>
internal static class NotificationClaims
{
    public static async Task<PendingNotification?> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, order_id, kind, recipient, message_id, subject, text_body, html_body, attempts
            FROM notifications.notifications
            WHERE state = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PendingNotification(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8))
            : null;
    }

    public static NpgsqlCommand Sent(Guid id) =>
        Command("UPDATE notifications.notifications SET state = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1", id);

    public static NpgsqlCommand RetryLater(Guid id, string reason, TimeSpan backoff)
    {
        var command = Command(
            "UPDATE notifications.notifications SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 WHERE id = $1", id);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = backoff });
        return command;
    }

    public static NpgsqlCommand Park(Guid id, string reason)
    {
        var command = Command(
            $"UPDATE notifications.notifications SET state = '{NotificationState.Parked}', parked_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1", id);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        return command;
    }

    private static NpgsqlCommand Command(string sql, Guid id)
    {
        var command = new NpgsqlCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return command;
    }
}

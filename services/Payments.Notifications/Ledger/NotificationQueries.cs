using Npgsql;

namespace Payments.Notifications.Ledger;

internal static class NotificationQueries
{
    internal const string Columns =
        "id, order_id, kind, state, attempts, message_id, created_at, next_attempt_at, sent_at, parked_at, resent_at, last_error, traceparent";

    public static async Task<List<NotificationResponse>> ForOrderAsync(NpgsqlDataSource dataSource, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM notifications.notifications WHERE order_id = $1 ORDER BY created_at, id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notifications = new List<NotificationResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notifications.Add(Map(reader));
        }

        return notifications;
    }

    /// <summary>
    /// Puts a parked notification back in the queue with a fresh attempt budget and the same Message-ID.
    /// Anything else is left alone.
    /// </summary>
    public static async Task<ResendResult> ResendAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var requeue = new NpgsqlBatchCommand(
            $"""
            UPDATE notifications.notifications
            SET state = '{NotificationState.Pending}', attempts = 0, next_attempt_at = now(), parked_at = NULL, resent_at = now()
            WHERE id = $1 AND state = '{NotificationState.Parked}'
            RETURNING {Columns}
            """);
        requeue.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var current = new NpgsqlBatchCommand($"SELECT {Columns} FROM notifications.notifications WHERE id = $1");
        current.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        batch.BatchCommands.Add(requeue);
        batch.BatchCommands.Add(current);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return new ResendResult.Requeued(Map(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ResendResult.NotParked(Map(reader)) : new ResendResult.NotFound();
    }

    internal static NotificationResponse Map(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetString(3) == NotificationState.Pending ? reader.GetFieldValue<DateTimeOffset>(7) : null,
        Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10),
        reader.IsDBNull(11) ? null : reader.GetString(11), TraceId(reader, 12));

    // The trace-id field of a W3C traceparent, version-format "00-{trace-id}-{parent-id}-{flags}" (https://www.w3.org/TR/trace-context/#traceparent-header).
    private static string? TraceId(NpgsqlDataReader reader, int ordinal) =>
        !reader.IsDBNull(ordinal) && reader.GetString(ordinal).Split('-') is [_, { Length: 32 } traceId, _, _] ? traceId : null;

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}

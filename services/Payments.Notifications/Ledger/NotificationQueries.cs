using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

internal static class NotificationQueries
{
    public static async Task<List<NotificationResponse>> ForOrderAsync(NpgsqlDataSource dataSource, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {NotificationColumns.Names} FROM notifications.notifications WHERE order_id = $1 ORDER BY created_at, id").Bind(orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new NotificationColumns(reader);
        var notifications = new List<NotificationResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notifications.Add(columns.Read(reader));
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
            RETURNING {NotificationColumns.Names}
            """).Bind(id);
        var current = new NpgsqlBatchCommand($"SELECT {NotificationColumns.Names} FROM notifications.notifications WHERE id = $1").Bind(id);
        batch.BatchCommands.Add(requeue);
        batch.BatchCommands.Add(current);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return new ResendResult.Requeued(new NotificationColumns(reader).Read(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ResendResult.NotParked(new NotificationColumns(reader).Read(reader)) : new ResendResult.NotFound();
    }
}

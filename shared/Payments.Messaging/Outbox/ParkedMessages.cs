using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Outbox;

/// <summary>Inspect and re-queue parked outbox rows.</summary>
public sealed class ParkedMessages(NpgsqlDataSource dataSource)
{
    public async Task<List<ParkedMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, message_type, destination, attempts, last_error, created_at, parked_at FROM messaging.outbox_parked ORDER BY parked_at LIMIT $1")
            .Bind(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int id = reader.GetOrdinal("id"), type = reader.GetOrdinal("message_type"), destination = reader.GetOrdinal("destination"),
            attempts = reader.GetOrdinal("attempts"), lastError = reader.GetOrdinal("last_error"), createdAt = reader.GetOrdinal("created_at"),
            parkedAt = reader.GetOrdinal("parked_at");
        var parked = new List<ParkedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedMessage(reader.GetGuid(id), reader.GetString(type), reader.GetString(destination), reader.GetInt32(attempts),
                reader.GetOrNull<string>(lastError), reader.GetDateTime(createdAt), reader.GetDateTime(parkedAt)));
        }

        return parked;
    }

    /// <returns>false when no parked row has this id.</returns>
    public async Task<bool> RequeueAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var move = new NpgsqlBatchCommand(
            """
            WITH moved AS (DELETE FROM messaging.outbox_parked WHERE id = $1 RETURNING *)
            INSERT INTO messaging.outbox (id, message_type, destination, body, headers, mandatory, created_at, available_at, attempts, last_error)
            SELECT id, message_type, destination, body, headers, mandatory, created_at, now(), 0, last_error FROM moved
            """);
        batch.BatchCommands.Add(move.Bind(id));
        batch.BatchCommands.Add(OutboxWriter.Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return move.RecordsAffected > 0;
    }
}

using Npgsql;

namespace Payments.Messaging.Outbox;

/// <summary>Inspect and re-queue parked outbox rows.</summary>
public sealed class ParkedMessages(NpgsqlDataSource dataSource)
{
    public async Task<List<ParkedMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, message_type, destination, attempts, last_error, created_at, parked_at FROM messaging.outbox_parked ORDER BY parked_at LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parked = new List<ParkedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDateTime(5), reader.GetDateTime(6)));
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
        move.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        batch.BatchCommands.Add(move);
        batch.BatchCommands.Add(OutboxWriter.Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return move.RecordsAffected > 0;
    }
}

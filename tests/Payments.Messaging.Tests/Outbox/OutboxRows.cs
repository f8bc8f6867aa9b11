using Npgsql;
using Payments.Messaging.Outbox;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>Commits outbox rows the way a business transaction does, e.g. just before its process died.</summary>
public static class OutboxRows
{
    public static async Task<List<Guid>> InsertAsync<T>(string database, IEnumerable<T> messages, bool mandatory = false) where T : class
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var message in messages)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            batch.BatchCommands.Add(OutboxWriter.Insert(message, id, mandatory: mandatory));
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return ids;
    }
}

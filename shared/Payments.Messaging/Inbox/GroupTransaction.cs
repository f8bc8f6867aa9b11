using Npgsql;

namespace Payments.Messaging.Inbox;

/// <summary>
/// The transaction a group's handlers share, one handler after another, so each sees what the ones before it wrote
/// exactly as if they had committed in turn (two events for one order in one group meet the order as the first left it).
/// A finished handler's writes are not sent on their own: they ride with the next handler's query, or the final flush,
/// so a group costs one round trip per handler plus the claim, the flush and the commit.
/// </summary>
internal sealed class GroupTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private readonly List<NpgsqlBatchCommand> _unsent = [];

    /// <summary>Sends the earlier handlers' writes, then the query; deferred writes return no rows, so the reader starts on the query's.</summary>
    public async Task<List<T>> QueryAsync<T>(NpgsqlBatchCommand query, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var batch = TakeUnsent();
        batch.BatchCommands.Add(query);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A handler finished: its writes go out before anything the next handler asks.</summary>
    public void Finished(IInboxWrites handled)
    {
        foreach (var write in handled.Deferred)
        {
            _unsent.Add(write);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_unsent.Count == 0)
        {
            return;
        }

        await using var batch = TakeUnsent();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlBatch TakeUnsent()
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in _unsent)
        {
            batch.BatchCommands.Add(write);
        }

        _unsent.Clear();
        return batch;
    }
}

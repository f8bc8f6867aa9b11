using Npgsql;

namespace Payments.Messaging.Inbox;

/// <summary>
/// The queries of a group's handlers, sent together. Every handler runs until it either finishes or asks for a query;
/// once all of them have, the asked-for queries go to the database as one batch (one round trip for the group) and
/// each handler resumes with its own rows. A handler that queries twice takes part in two rounds.
/// </summary>
internal sealed class QueryRound
{
    private readonly SemaphoreSlim _steps = new(0);
    private readonly List<ParkedQuery> _parked = [];

    /// <summary>Called by a handler's context instead of running the query.</summary>
    public Task<List<T>> Park<T>(NpgsqlBatchCommand query, Func<NpgsqlDataReader, T> map)
    {
        var parked = new ParkedQuery<T>(query, map);
        lock (_parked)
        {
            _parked.Add(parked);
        }

        _steps.Release();
        return parked.Rows;
    }

    /// <summary>Called once when a handler's task ends, however it ends.</summary>
    public void Finished() => _steps.Release();

    /// <summary>Waits until each of the <paramref name="running"/> handlers has parked a query or finished; returns the parked count.</summary>
    public async Task<int> SettleAsync(int running, CancellationToken cancellationToken)
    {
        for (var i = 0; i < running; i++)
        {
            await _steps.WaitAsync(cancellationToken);
        }

        lock (_parked)
        {
            return _parked.Count;
        }
    }

    /// <summary>Sends the parked queries as one batch and hands each handler its rows (or the batch's exception).</summary>
    public async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ParkedQuery[] round;
        lock (_parked)
        {
            round = [.. _parked];
            _parked.Clear();
        }

        try
        {
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                foreach (var query in round)
                {
                    batch.BatchCommands.Add(query.Command);
                }

                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; i < round.Length; i++)
                {
                    if (i > 0)
                    {
                        await reader.NextResultAsync(cancellationToken);
                    }

                    await round[i].ReadAsync(reader, cancellationToken);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var query in round)
            {
                query.Fail(ex);
            }

            throw;
        }

        // Only now, with the reader closed, may the handlers go on (and park their next queries).
        foreach (var query in round)
        {
            query.Complete();
        }
    }

    /// <summary>Fails every parked query: the group gave up.</summary>
    public void Abandon(Exception exception)
    {
        lock (_parked)
        {
            foreach (var query in _parked)
            {
                query.Fail(exception);
            }

            _parked.Clear();
        }
    }

    private abstract class ParkedQuery(NpgsqlBatchCommand command)
    {
        public NpgsqlBatchCommand Command => command;

        public abstract Task ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class ParkedQuery<T>(NpgsqlBatchCommand command, Func<NpgsqlDataReader, T> map) : ParkedQuery(command)
    {
        private readonly TaskCompletionSource<List<T>> _rows = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<T> _read = [];

        public Task<List<T>> Rows => _rows.Task;

        public override async Task ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _read.Add(map(reader));
            }
        }

        public override void Complete() => _rows.TrySetResult(_read);

        public override void Fail(Exception exception) => _rows.TrySetException(exception);
    }
}

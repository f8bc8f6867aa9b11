using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Payments.Messaging.Postgres;

/// <summary>
/// Housekeeping that runs every <see cref="Interval"/> once the schema is migrated (the first run one interval after
/// that). A database that is away or slow only skips a run: the next tick tries again.
/// </summary>
public abstract class PeriodicDatabaseJob(DatabaseReadiness readiness) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="deleteChunk"/>, a DELETE of at most $2 rows older than $1 (<paramref name="age"/>), until a
    /// run deletes fewer than a chunk: small transactions, so the cleanup never holds many locks for long.
    /// </summary>
    protected static async Task<int> DeleteInChunksAsync(NpgsqlDataSource dataSource, string deleteChunk, TimeSpan age, CancellationToken cancellationToken)
    {
        const int chunk = 5000;
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(deleteChunk);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = age });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = chunk });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < chunk)
            {
                return total;
            }
        }
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Next tick.
            }
        }
    }
}

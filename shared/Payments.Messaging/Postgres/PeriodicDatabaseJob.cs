using Npgsql;
using Payments.ServiceDefaults.Hosting;

namespace Payments.Messaging.Postgres;

/// <summary>
/// A <see cref="PeriodicJob"/> on the database: it starts once the schema is migrated (the first run one interval after
/// that, unless <see cref="PeriodicJob.RunsAtStart"/> says otherwise). A database that is away or slow only skips a
/// run: the next tick tries again.
/// </summary>
public abstract class PeriodicDatabaseJob(DatabaseReadiness readiness) : PeriodicJob
{
    protected override bool RunsAtStart => false;

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
            await using var command = dataSource.CreateCommand(deleteChunk).Bind(age).Bind(chunk);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < chunk)
            {
                return total;
            }
        }
    }

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) => readiness.WaitAsync(cancellationToken);

    /// <summary>A database that is away or slow only skips a run.</summary>
    protected override bool HandleFailure(Exception exception) =>
        exception is NpgsqlException or TimeoutException;
}

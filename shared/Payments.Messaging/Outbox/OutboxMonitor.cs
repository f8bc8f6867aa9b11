using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Outbox;

/// <summary>Samples outbox depth, oldest age and parked count every few seconds for the gauges.</summary>
internal sealed class OutboxMonitor(NpgsqlDataSource dataSource, DatabaseReadiness readiness, MessagingMetrics metrics) : PeriodicDatabaseJob(readiness)
{
    public static async Task<OutboxSnapshot> SampleAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM messaging.outbox) AS depth,
                   coalesce(extract(epoch FROM now() - (SELECT min(created_at) FROM messaging.outbox)), 0)::float8 AS oldest_seconds,
                   (SELECT count(*) FROM messaging.outbox_parked) AS parked
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxSnapshot(reader.Get<long>("depth"), TimeSpan.FromSeconds(reader.Get<double>("oldest_seconds")), reader.Get<long>("parked"));
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override bool RunsAtStart => true;

    // A database that is away keeps the gauges at their last value.
    protected override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        metrics.Snapshot = await SampleAsync(dataSource, cancellationToken);
}

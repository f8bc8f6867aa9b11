using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Diagnostics;

/// <summary>Samples the pending and parked counts for the gauges every few seconds.</summary>
internal sealed class NotificationsMonitor(NpgsqlDataSource dataSource, DatabaseReadiness readiness, NotificationsMetrics metrics) : PeriodicDatabaseJob(readiness)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override bool RunsAtStart => true;

    // A database that is away keeps the last snapshot.
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM notifications.notifications WHERE state = 'pending') AS pending,
                   (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM notifications.notifications WHERE state = 'pending') AS oldest_seconds,
                   (SELECT count(*) FROM notifications.notifications WHERE state = 'parked') AS parked
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        metrics.Snapshot = new NotificationsSnapshot(reader.Get<long>("pending"), TimeSpan.FromSeconds(reader.Get<double>("oldest_seconds")), reader.Get<long>("parked"));
    }
}

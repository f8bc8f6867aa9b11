using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Diagnostics;

/// <summary>Samples the pending and parked counts for the gauges every few seconds.</summary>
internal sealed class NotificationsMonitor(NpgsqlDataSource dataSource, DatabaseReadiness readiness, NotificationsMetrics metrics) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand(
                    """
                    SELECT (SELECT count(*) FROM notifications.notifications WHERE state = 'pending'),
                           (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM notifications.notifications WHERE state = 'pending'),
                           (SELECT count(*) FROM notifications.notifications WHERE state = 'parked')
                    """);
                await using var reader = await command.ExecuteReaderAsync(stoppingToken);
                await reader.ReadAsync(stoppingToken);
                metrics.Snapshot = new NotificationsSnapshot(reader.GetInt64(0), TimeSpan.FromSeconds(reader.GetDouble(1)), reader.GetInt64(2));
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Keep the last snapshot; next tick.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}

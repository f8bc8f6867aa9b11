using Microsoft.Extensions.Hosting;
using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Outbox;

/// <summary>Samples outbox depth, oldest age and parked count every few seconds for the gauges.</summary>
internal sealed class OutboxMonitor(NpgsqlDataSource dataSource, DatabaseReadiness readiness, MessagingMetrics metrics) : BackgroundService
{
    public static async Task<OutboxSnapshot> SampleAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM messaging.outbox),
                   coalesce(extract(epoch FROM now() - (SELECT min(created_at) FROM messaging.outbox)), 0)::float8,
                   (SELECT count(*) FROM messaging.outbox_parked)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxSnapshot(reader.GetInt64(0), TimeSpan.FromSeconds(reader.GetDouble(1)), reader.GetInt64(2));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                metrics.Snapshot = await SampleAsync(dataSource, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // The database is away; the next tick tries again and the gauges keep their last value.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}

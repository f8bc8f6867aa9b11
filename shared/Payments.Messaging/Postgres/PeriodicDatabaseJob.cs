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

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payments.Messaging.Schema;

namespace Payments.Messaging.Postgres;

/// <summary>Migrates at start-up, retrying with backoff while the database is unreachable.</summary>
internal sealed partial class SchemaMigrationService(SchemaMigrator migrator, DatabaseReadiness readiness, ILogger<SchemaMigrationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.MigrateAsync(stoppingToken);
                readiness.MarkMigrated();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogWaiting(ex.GetType().Name, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready for migration ({Error}: {Reason}); retrying in {Seconds}s")]
    private partial void LogWaiting(string error, string reason, double seconds);
}

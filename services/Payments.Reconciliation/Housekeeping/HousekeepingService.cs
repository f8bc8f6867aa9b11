using Microsoft.Extensions.Options;
using Payments.Messaging.Postgres;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>Runs a housekeeping pass every Reconciliation:Interval once the schema is migrated, in a scope of its own.</summary>
internal sealed partial class HousekeepingService(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<HousekeepingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<HousekeepingPass>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Claims taken before the failure expire with their lease: nothing is lost, the next pass sees them.
                LogPassFailed(ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping pass failed ({Error}: {Message}); the next pass retries")]
    private partial void LogPassFailed(string error, string message);
}

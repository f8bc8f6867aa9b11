using Microsoft.Extensions.Options;
using Payments.Messaging.Postgres;
using Payments.ServiceDefaults.Hosting;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>Runs a housekeeping pass every Reconciliation:Interval once the schema is migrated, in a scope of its own.</summary>
internal sealed partial class HousekeepingService(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<HousekeepingService> logger) : PeriodicJob
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override TimeProvider Time => time;

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) => readiness.WaitAsync(cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HousekeepingPass>().RunAsync(cancellationToken);
    }

    // Claims taken before the failure expire with their lease: nothing is lost, the next pass sees them.
    protected override bool HandleFailure(Exception exception)
    {
        LogPassFailed(exception.GetType().Name, exception.Message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping pass failed ({Error}: {Message}); the next pass retries")]
    private partial void LogPassFailed(string error, string message);
}

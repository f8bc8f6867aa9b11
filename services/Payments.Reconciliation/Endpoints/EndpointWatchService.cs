using Microsoft.Extensions.Options;
using Payments.Reconciliation.Housekeeping;
using Payments.ServiceDefaults.Hosting;

namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// Checks the configured sources' registrations at start and then every Reconciliation:EndpointCheckInterval; a
/// round's provider call is bounded by the interval (<see cref="EndpointCheck"/>), so rounds never stack. A fixed
/// problem clears on the next round.
/// </summary>
internal sealed partial class EndpointWatchService(
    IServiceScopeFactory scopes,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<EndpointWatchService> logger) : PeriodicJob
{
    protected override TimeSpan Interval => options.Value.EndpointCheckInterval;

    protected override bool IsEnabled => options.Value.Endpoints.Count > 0;

    protected override TimeProvider Time => time;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EndpointCheck>().RunAsync(cancellationToken);
    }

    protected override bool HandleFailure(Exception exception)
    {
        LogRoundFailed(exception.GetType().Name, exception.Message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint check failed ({Error}: {Message}); the next round retries")]
    private partial void LogRoundFailed(string error, string message);
}

using Microsoft.Extensions.Options;
using Payments.Reconciliation.Housekeeping;

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
    ILogger<EndpointWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Endpoints.Count == 0)
        {
            return;
        }

        var interval = options.Value.EndpointCheckInterval;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EndpointCheck>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint check failed ({Error}: {Message}); the next round retries")]
    private partial void LogRoundFailed(string error, string message);
}

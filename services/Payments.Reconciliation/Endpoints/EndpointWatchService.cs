using Microsoft.Extensions.Options;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// Checks the configured sources' registrations at start and then every Reconciliation:EndpointCheckInterval, each
/// round bounded by the interval, so a hanging provider never stacks rounds. A fixed problem clears on the next round.
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
                using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                round.CancelAfter(interval);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EndpointCheck>().RunAsync(round.Token);
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

using Microsoft.Extensions.Options;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// One round: list the provider's webhook endpoints once, then judge every configured source against the list.
/// Sources of another provider (LiqPay: its callback URL travels with each payment, there is nothing to list) are
/// not_checkable rather than ok. Anything but ok is a warning; no secret is in the list or the log.
/// </summary>
internal sealed partial class EndpointCheck(
    StripeWebhookEndpoints provider,
    EndpointStatuses statuses,
    ReconciliationMetrics metrics,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<EndpointCheck> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var endpoints = options.Value.Endpoints;
        IReadOnlyList<RegisteredEndpoint>? registered = null;
        string? unreachable = null;
        if (endpoints.Values.Any(e => IsOurProvider(e)))
        {
            // Bounded by the interval: a provider that hangs is reported unreachable, not left at its last status.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(options.Value.EndpointCheckInterval);
            try
            {
                registered = await provider.ListAsync(bound.Token);
            }
            catch (Exception ex) when (ex is ProviderUnavailableException or ProviderRejectedException or HttpRequestException
                                           or BrokenCircuitException or TimeoutRejectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                unreachable = ex.Message;
            }
        }

        var now = time.GetUtcNow();
        foreach (var (source, expected) in endpoints)
        {
            var providerName = string.IsNullOrEmpty(expected.Provider) ? provider.Provider : expected.Provider;
            var (status, missing) = !IsOurProvider(expected)
                ? (EndpointStatus.NotCheckable, [])
                : registered is null
                    ? (EndpointStatus.Unreachable, [])
                    : EndpointVerdict.Decide(source, expected.Url, expected.EventsOrDefault(providerName), registered);
            statuses.Set(new EndpointReport(source, providerName, expected.Url, status, missing, now));
            metrics.EndpointChecked(source, status);
            if (status == EndpointStatus.Unreachable)
            {
                LogUnreachable(source, providerName, unreachable ?? "");
            }
            else if (status != EndpointStatus.Ok)
            {
                LogNotOk(source, providerName, status, expected.Url, string.Join(", ", missing));
            }
        }
    }

    private bool IsOurProvider(EndpointOptions endpoint) =>
        string.IsNullOrEmpty(endpoint.Provider) || string.Equals(endpoint.Provider, provider.Provider, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook endpoint of source {Source} at {Provider} is {Status} (expected {Url}; missing events: {MissingEvents})")]
    private partial void LogNotOk(string source, string provider, string status, string url, string missingEvents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint of source {Source} could not be checked: {Provider} is unreachable ({Reason})")]
    private partial void LogUnreachable(string source, string provider, string reason);
}

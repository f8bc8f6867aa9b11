using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// Asks each claimed payment's provider about it (a few calls in flight) and decides. Whatever one call throws puts
/// only that payment's check off, as a provider error with its reason; the other payments of the batch are decided.
/// </summary>
public sealed class ProviderCheck(ProviderClients clients, IOptions<ReconciliationOptions> options, ReconciliationMetrics metrics, TimeProvider time)
{
    private readonly ReconciliationOptions _options = options.Value;

    public async Task<List<CheckOutcome>> CheckAsync(IReadOnlyList<ClaimedPayment> batch, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentBag<CheckOutcome>();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (payment, token) => outcomes.Add(await CheckOneAsync(payment, token)));
        return [.. outcomes];
    }

    // A trace of its own per check: the pass runs on a timer, under no request or message.
    private async Task<CheckOutcome> CheckOneAsync(ClaimedPayment payment, CancellationToken cancellationToken)
    {
        using var activity = ReconciliationTelemetry.Source.StartActivity("reconciliation.check");
        activity?.SetTag("payments.order_id", payment.OrderId.ToString());
        activity?.SetTag("payments.provider", payment.Provider);
        var outcome = await DecideAsync(payment, cancellationToken);
        if (outcome.Error is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }

        return activity is null ? outcome : outcome with { Trace = activity.Context };
    }

    private async Task<CheckOutcome> DecideAsync(ClaimedPayment payment, CancellationToken cancellationToken)
    {
        if (clients.For(payment.Provider) is not { } client)
        {
            metrics.ProviderError(payment.Provider, "not_configured");
            return CheckPolicy.PutOff(payment, $"No status client is configured for provider '{payment.Provider}'.", time.GetUtcNow(), _options);
        }

        try
        {
            var found = await client.GetAsync(new PaymentReference(payment.PaymentId, payment.OrderId), cancellationToken);
            metrics.Checked(payment.Provider, found.Status);
            return CheckPolicy.Decide(payment, found, time.GetUtcNow(), _options);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Reason(ex);
            metrics.ProviderError(payment.Provider, reason);
            return CheckPolicy.PutOff(payment, $"{reason}: {ex.Message}", time.GetUtcNow(), _options);
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit_open",
        TimeoutRejectedException or OperationCanceledException => "timeout",
        ProviderUnavailableException { StatusCode: { } status } => $"http_{(int)status}",
        ProviderUnavailableException or HttpRequestException => "unreachable",
        ProviderRejectedException => "rejected",
        // A client's answer we did not foresee: one payment's error, not the end of the pass (and of its claims' batch).
        _ => "unexpected",
    };
}

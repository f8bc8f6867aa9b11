using Payments.Reconciliation.Endpoints;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>Reconciliation: when payments are looked at, how often again, and when we stop hoping.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Time between housekeeping passes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A payment's first check comes this long after its order was created; it is also the first backoff step.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// From the order's creation, how long a payment is watched. Stripe retries a webhook for up to three days
    /// (https://docs.stripe.com/webhooks#retries): after that nothing more will come by itself, so a payment still
    /// without an outcome is reported stuck; one with an outcome is simply no longer watched.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Cap on the backoff between two checks of one payment.</summary>
    public TimeSpan MaxCheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Payments claimed per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Provider calls in flight per instance.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a claim is held before another instance may take the payment (after a crash mid-check).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each source's webhook endpoint at its provider is checked (see Endpoints/).</summary>
    public TimeSpan EndpointCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per webhook source (the ingress's source name), the endpoint its provider must have registered.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

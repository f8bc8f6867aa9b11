namespace Payments.ProviderSimulator.Configuration;

/// <summary>Simulator:Delivery: how webhooks are sent and retried. The retry delays and window are multiplied by TimeScale.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Webhook requests in flight at once, across all receivers. Default 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How long a receiver has to answer one attempt (not scaled). Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before the first retry; each further retry doubles it, up to MaxRetryDelay. Default 1 min.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Stripe retries for up to three days in live mode (https://docs.stripe.com/webhooks#retries). Default 3 days.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Deliveries kept for GET /sim/deliveries; the oldest are forgotten beyond this. Default 100 000.</summary>
    public int LogCapacity { get; set; } = 100_000;
}

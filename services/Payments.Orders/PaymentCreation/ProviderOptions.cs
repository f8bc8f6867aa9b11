namespace Payments.Orders.PaymentCreation;

/// <summary>Provider: the Stripe-compatible payments API (the provider simulator in development).</summary>
public sealed class ProviderOptions
{
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The provider's name as recorded on orders and in events.</summary>
    public string Name { get; set; } = "stripe";

    /// <summary>Bound on one attempt at the API; POST /orders waits at most this long, attempts included, before leaving it to the outbox.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a transient answer within one call (safe: every create carries its Idempotency-Key).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Bound on one call from the outbox, all its attempts and the backoff between them.</summary>
    public TimeSpan TotalTimeout => (Timeout * (Retries + 1)) + TimeSpan.FromSeconds(2);

    /// <summary>When the deferred payment-creation command fires if the inline attempt did not record a payment.</summary>
    public TimeSpan FallbackDelay { get; set; } = TimeSpan.FromSeconds(10);
}

namespace Payments.Orders.PaymentCreation;

/// <summary>Provider: where Orders opens each order's payment (the provider simulator in development).</summary>
public sealed class ProviderOptions
{
    public const string Stripe = "stripe";

    public const string LiqPay = "liqpay";

    /// <summary>
    /// How a payment is opened: stripe (a PaymentIntent over the Stripe-compatible API at BaseUrl) or liqpay (LiqPay's
    /// checkout, which names the payment by our order id: no call before the customer pays).
    /// </summary>
    public string Api { get; set; } = Stripe;

    /// <summary>The Stripe-compatible API; not used by liqpay.</summary>
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The provider's name as recorded on orders and in events: the ingress's scheme name, by default Api's.</summary>
    public string? Name { get; set; }

    public string RecordedName => string.IsNullOrWhiteSpace(Name) ? Api : Name;

    /// <summary>Bound on one attempt at the API; POST /orders waits at most this long, attempts included, before leaving it to the outbox.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a transient answer within one call (safe: every create carries its Idempotency-Key).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Bound on one call from the outbox, all its attempts and the backoff between them.</summary>
    public TimeSpan TotalTimeout => (Timeout * (Retries + 1)) + TimeSpan.FromSeconds(2);

    /// <summary>When the deferred payment-creation command fires if the inline attempt did not record a payment.</summary>
    public TimeSpan FallbackDelay { get; set; } = TimeSpan.FromSeconds(10);
}

namespace Payments.Ingress.Limits;

/// <summary>
/// Ingress:Sources:{name}:RateLimit, a token bucket per source: PermitsPerSecond sustained, Burst at once. The defaults
/// exceed what one provider sends in normal operation (Stripe's own webhook delivery is far below 100/s per endpoint)
/// yet keep one leaked secret or misbehaving sender from taking the whole ingress; a load test raises them.
/// </summary>
public sealed class SourceRateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;
}

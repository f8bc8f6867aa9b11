namespace Payments.Ingress.Publishing;

/// <summary>Ingress:Broker:RetryAfterSeconds: the Retry-After we ask providers to honour on 503.</summary>
public sealed class RetryAfterOptions
{
    public int RetryAfterSeconds { get; set; } = 5;
}

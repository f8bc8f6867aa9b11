namespace Payments.Reconciliation.Providers;

/// <summary>Provider:Resilience: how one call to a provider is bounded, retried and cut off when the provider is down.</summary>
public sealed class ResilienceOptions
{
    /// <summary>Bound on one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a transient failure within one check (0: none); the next pass is the longer-term retry.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubles, with jitter. A 429's Retry-After is honoured up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once, without asking the provider.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on one call with all its attempts and waits between them.</summary>
    public TimeSpan TotalTimeout => (AttemptTimeout * (MaxRetries + 1)) + (MaxRetryAfter * MaxRetries) + TimeSpan.FromSeconds(1);
}

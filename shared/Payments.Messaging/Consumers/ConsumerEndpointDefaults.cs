namespace Payments.Messaging.Consumers;

/// <summary>
/// What an endpoint does unless its configuration section says otherwise (<see cref="ConsumerEndpointOptions"/>), and
/// how its retries back off (fixed in code: it follows from what the endpoint's handlers wait for).
/// </summary>
public sealed record ConsumerEndpointDefaults(int Prefetch, int RetryLimit)
{
    /// <summary>Deliveries handled at once; null: as many as are prefetched.</summary>
    public int? Concurrency { get; init; }

    public RetryBackoff Backoff { get; init; } = RetryBackoff.Transient;
}

namespace Payments.Messaging.Consumers;

/// <summary>
/// One receive endpoint's limits, bound from its own section (e.g. Orders:PaymentEvents) over the defaults its service
/// declares, and validated at start-up (<see cref="ConsumerEndpointOptionsValidator"/>). Named by the endpoint's queue.
/// </summary>
public sealed class ConsumerEndpointOptions
{
    /// <summary>Messages the broker hands over before they are acknowledged (AMQP basic.qos prefetch-count: 1 to 65535).</summary>
    public int Prefetch { get; set; }

    /// <summary>Deliveries handled at once; null: as many as are prefetched.</summary>
    public int? Concurrency { get; set; }

    /// <summary>Retries of a failed delivery before it goes to the endpoint's _error queue; 0: none.</summary>
    public int RetryLimit { get; set; }
}

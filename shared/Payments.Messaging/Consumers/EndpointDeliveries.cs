namespace Payments.Messaging.Consumers;

/// <summary>
/// One receive endpoint of this process: the deliveries it holds unsettled, and when the oldest of them was sent and
/// how long ago (null when it holds none).
/// </summary>
public sealed record EndpointDeliveries(string Queue, int InFlight, DateTimeOffset? OldestSentAt, double? OldestAgeSeconds);

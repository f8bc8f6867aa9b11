using Payments.Messaging.Consumers;

namespace Payments.Operations.Now;

/// <summary>
/// The oldest message's age per queue. RabbitMQ knows it only for classic queues (`head_message_timestamp`); every queue
/// of ours is a FIFO quorum queue, where the oldest message is the oldest delivery its consumers hold, and each
/// consuming service reports that (`GET /admin/messaging/endpoints`). Without a consumer holding one, the age of a
/// queue with messages stays unknown (docs/decisions/0020-operations-now-sources.md).
/// </summary>
public static class QueueAges
{
    public const string FromBroker = "broker";

    public const string FromConsumers = "consumers";

    public static List<QueueDepth> Merge(IReadOnlyList<QueueDepth> queues, IEnumerable<EndpointDeliveries> held)
    {
        var oldest = held.Where(e => e.OldestAgeSeconds is not null)
            .GroupBy(e => e.Queue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(e => e.OldestAgeSeconds!.Value), StringComparer.Ordinal);
        // A consumer's figure is live; the broker's counters are sampled every few seconds, so they are not asked.
        return [.. queues.Select(q => q.OldestMessageAgeSeconds is not null || !oldest.TryGetValue(q.Name, out var age)
            ? q
            : q with { OldestMessageAgeSeconds = age, OldestMessageAgeFrom = FromConsumers })];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Payments.Messaging.Diagnostics;

namespace Payments.Messaging.Consumers;

/// <summary>
/// The deliveries each declared receive endpoint of this process holds and has not settled yet (acknowledged, or moved
/// to its _error queue), and when the oldest of them was sent. RabbitMQ reports no oldest-message age for quorum
/// queues; on a FIFO queue with a consumer running, the oldest message is the oldest delivery its consumers hold, so the
/// consumers report it (docs/decisions/0020-operations-now-sources.md).
/// </summary>
public sealed class InFlightDeliveries
{
    private readonly ConcurrentDictionary<ReceiveContext, Delivery> _deliveries = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<string> _queues;
    private readonly TimeProvider _time;

    public InFlightDeliveries(IReadOnlyList<string> queues, TimeProvider time, IMeterFactory meterFactory)
    {
        _queues = queues;
        _time = time;
        meterFactory.Create(MessagingTelemetry.Name).CreateObservableGauge("payments.consumer.oldest_in_flight_age",
            () => Snapshot().Select(e => new Measurement<double>(e.OldestAgeSeconds ?? 0, new KeyValuePair<string, object?>("queue", e.Queue))),
            "s", "Age since it was sent of the oldest delivery a receive endpoint holds (0 when it holds none).");
    }

    /// <summary>Every declared endpoint, holding deliveries or not: an endpoint with none has nothing waiting on it here.</summary>
    public IReadOnlyList<EndpointDeliveries> Snapshot()
    {
        var now = _time.GetUtcNow();
        var held = _deliveries.Values.GroupBy(d => d.Queue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(d => d.Since)), StringComparer.Ordinal);
        return [.. _queues.Select(queue => held.TryGetValue(queue, out var h)
            ? new EndpointDeliveries(queue, h.Count, h.Oldest, Math.Max(0, (now - h.Oldest).TotalSeconds))
            : new EndpointDeliveries(queue, 0, null, null))];
    }

    /// <summary>A delivery entered an endpoint's pipe: until its envelope is read, it is at least as old as now.</summary>
    internal void Received(ReceiveContext context)
    {
        var queue = QueueOf(context.InputAddress);
        if (_queues.Contains(queue, StringComparer.Ordinal))
        {
            _deliveries[context] = new Delivery(queue, _time.GetUtcNow());
        }
    }

    /// <summary>The envelope was read: the delivery is as old as its sentTime (a redelivery keeps the first one).</summary>
    internal void Read(ConsumeContext context)
    {
        if (context.SentTime is { } sent && _deliveries.TryGetValue(context.ReceiveContext, out var delivery))
        {
            delivery.Sent(new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)));
        }
    }

    internal void Settled(ReceiveContext context) => _deliveries.TryRemove(context, out _);

    /// <summary>MassTransit's input address ends with the queue's name: rabbitmq://host/vhost/queue.</summary>
    private static string QueueOf(Uri inputAddress) => inputAddress.Segments[^1].TrimEnd('/');

    private sealed class Delivery(string queue, DateTimeOffset receivedAt)
    {
        private long _sinceTicks = receivedAt.UtcTicks;

        public string Queue { get; } = queue;

        public DateTimeOffset Since => new(Volatile.Read(ref _sinceTicks), TimeSpan.Zero);

        // The publisher's clock: never later than when it reached us.
        public void Sent(DateTimeOffset sentAt) => Volatile.Write(ref _sinceTicks, Math.Min(sentAt.UtcTicks, Volatile.Read(ref _sinceTicks)));
    }
}

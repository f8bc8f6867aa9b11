using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
    private readonly ConcurrentDictionary<object, Delivery> _deliveries = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Uri, string?> _queueOf = new();
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

    /// <summary>
    /// Every declared endpoint, holding deliveries or not. Only deliveries whose envelope was read are aged: one that has
    /// just entered the pipe is counted, but its sentTime is not known yet, and the time it arrived would understate it.
    /// </summary>
    public IReadOnlyList<EndpointDeliveries> Snapshot()
    {
        var now = _time.GetUtcNow();
        var held = _deliveries.Values.GroupBy(d => d.Queue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(d => d.SentAt)), StringComparer.Ordinal);
        return [.. _queues.Select(queue => held.TryGetValue(queue, out var h)
            ? new EndpointDeliveries(queue, h.Count, h.Oldest, h.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null)
            : new EndpointDeliveries(queue, 0, null, null))];
    }

    /// <summary>A delivery entered an endpoint's pipe (keyed by its receive context).</summary>
    internal void Received(object delivery, Uri inputAddress)
    {
        var queue = _queueOf.GetOrAdd(inputAddress, QueueOf);
        if (queue is not null)
        {
            _deliveries[delivery] = new Delivery(queue, _time.GetUtcNow());
        }
    }

    /// <summary>The envelope was read: the delivery is as old as its sentTime (a redelivery keeps the first one).</summary>
    internal void Read(object delivery, DateTime? sentTime)
    {
        if (sentTime is { } sent && _deliveries.TryGetValue(delivery, out var held))
        {
            held.Sent(new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)));
        }
    }

    internal void Settled(object delivery) => _deliveries.TryRemove(delivery, out _);

    /// <summary>MassTransit's input address ends with the queue's name: rabbitmq://host/vhost/queue. Null when not declared.</summary>
    private string? QueueOf(Uri inputAddress)
    {
        var queue = inputAddress.Segments[^1].TrimEnd('/');
        return _queues.Contains(queue, StringComparer.Ordinal) ? queue : null;
    }

    private sealed class Delivery(string queue, DateTimeOffset receivedAt)
    {
        private long _sentTicks = long.MaxValue;

        public string Queue { get; } = queue;

        /// <summary>Null until the envelope is read.</summary>
        public DateTimeOffset? SentAt => Volatile.Read(ref _sentTicks) is var ticks && ticks != long.MaxValue ? new(ticks, TimeSpan.Zero) : null;

        // The publisher's clock: never later than when it reached us.
        public void Sent(DateTimeOffset sentAt) => Volatile.Write(ref _sentTicks, Math.Min(sentAt.UtcTicks, receivedAt.UtcTicks));
    }
}

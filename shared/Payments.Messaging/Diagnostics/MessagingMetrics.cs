using System.Diagnostics.Metrics;

namespace Payments.Messaging.Diagnostics;

/// <summary>Meter "Payments.Messaging": inbox and outbox instruments. Tags are consumer names and message types (bounded).</summary>
public sealed class MessagingMetrics
{
    private readonly Counter<long> _handled;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<long> _groupSize;
    private readonly Counter<long> _groupFailures;
    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _parked;
    private readonly Histogram<double> _publishDuration;
    private readonly Histogram<double> _lag;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MessagingTelemetry.Name);
        _handled = meter.CreateCounter<long>("payments.inbox.handled", "{message}", "Messages handled and committed.");
        _duplicates = meter.CreateCounter<long>("payments.inbox.duplicates", "{message}", "Deliveries recognised as duplicates (committed nothing).");
        _groupSize = meter.CreateHistogram<long>("payments.inbox.group_size", "{message}",
            "Deliveries per inbox transaction under group commit (1 when a delivery found no company).");
        _groupFailures = meter.CreateCounter<long>("payments.inbox.group_failures", "{transaction}",
            "Groups rolled back because one of their deliveries failed (each delivery then ran alone).");
        _published = meter.CreateCounter<long>("payments.outbox.published", "{message}", "Outbox messages confirmed by the broker.");
        _publishFailures = meter.CreateCounter<long>("payments.outbox.publish_failures", "{message}", "Outbox publishes that failed and were backed off.");
        _parked = meter.CreateCounter<long>("payments.outbox.parked", "{message}", "Outbox messages parked after their last attempt.");
        _publishDuration = meter.CreateHistogram<double>("payments.outbox.publish.duration", "s", "Relay publish until broker confirm.");
        _lag = meter.CreateHistogram<double>("payments.outbox.lag", "s", "Row written until confirmed by the broker.");
        meter.CreateObservableGauge("payments.outbox.pending", () => Snapshot.Pending, "{message}", "Rows waiting in the outbox.");
        meter.CreateObservableGauge("payments.outbox.oldest_pending_age", () => Snapshot.OldestAge.TotalSeconds, "s", "Age of the oldest pending row.");
        meter.CreateObservableGauge("payments.outbox.parked_count", () => Snapshot.Parked, "{message}", "Rows parked for an operator.");
    }

    /// <summary>Last sampled outbox state (sampled in the background: gauge callbacks must not block on a database).</summary>
    public OutboxSnapshot Snapshot { get; set; } = new(0, TimeSpan.Zero, 0);

    public void Handled(string consumer) => _handled.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void Duplicate(string consumer) => _duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void Group(int size) => _groupSize.Record(size);

    public void GroupFailed() => _groupFailures.Add(1);

    public void Published(string messageType, TimeSpan duration, TimeSpan lag)
    {
        var tag = new KeyValuePair<string, object?>("message_type", messageType);
        _published.Add(1, tag);
        _publishDuration.Record(duration.TotalSeconds, tag);
        _lag.Record(Math.Max(0, lag.TotalSeconds), tag);
    }

    public void PublishFailed(string messageType) => _publishFailures.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    public void Parked(string messageType) => _parked.Add(1, new KeyValuePair<string, object?>("message_type", messageType));
}

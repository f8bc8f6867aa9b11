using System.Diagnostics.Metrics;

namespace Payments.Notifications.Diagnostics;

/// <summary>Meter "Payments.Notifications". Tags are kinds and outcomes (bounded), never recipients.</summary>
public sealed class NotificationsMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _parked;
    private readonly Histogram<double> _sendDuration;

    public NotificationsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(NotificationsTelemetry.Name);
        _sent = meter.CreateCounter<long>("payments.notifications.sent", "{email}", "Emails accepted by the SMTP server and recorded as sent.");
        _failed = meter.CreateCounter<long>("payments.notifications.send_failures", "{attempt}", "Send attempts that failed (retried later or parked).");
        _parked = meter.CreateCounter<long>("payments.notifications.parked", "{email}", "Notifications parked for an operator.");
        _sendDuration = meter.CreateHistogram<double>("payments.notifications.send.duration", "s", "One SMTP send, connect (if needed) to the final reply.");
        meter.CreateObservableGauge("payments.notifications.pending", () => Snapshot.Pending, "{email}", "Notifications waiting to be sent (incl. backing off).");
        meter.CreateObservableGauge("payments.notifications.oldest_pending_age", () => Snapshot.OldestPendingAge.TotalSeconds, "s", "Age of the oldest pending notification.");
        meter.CreateObservableGauge("payments.notifications.parked_count", () => Snapshot.Parked, "{email}", "Notifications parked now.");
    }

    /// <summary>Last sampled state (sampled in the background: gauge callbacks must not block on a database).</summary>
    public NotificationsSnapshot Snapshot { get; set; } = new(0, TimeSpan.Zero, 0);

    public void Sent(string kind) => _sent.Add(1, Kind(kind));

    public void Failed(string kind) => _failed.Add(1, Kind(kind));

    public void Parked(string kind) => _parked.Add(1, Kind(kind));

    public void SendCompleted(string kind, TimeSpan duration, bool succeeded) =>
        _sendDuration.Record(duration.TotalSeconds, Kind(kind), new KeyValuePair<string, object?>("outcome", succeeded ? "accepted" : "failed"));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}

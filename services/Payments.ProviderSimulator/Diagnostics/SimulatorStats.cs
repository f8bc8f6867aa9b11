using System.Diagnostics.Metrics;

namespace Payments.ProviderSimulator.Diagnostics;

/// <summary>
/// Every decision counted twice: in plain counters for GET /sim/stats (a test reads them) and on the meter
/// "Payments.ProviderSimulator" (dashboards read those). Tags are bounded: scheme names and fault kinds.
/// </summary>
internal sealed class SimulatorStats
{
    private readonly Counter<long> _events;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _gaveUp;
    private readonly Counter<long> _faults;
    private readonly Histogram<double> _duration;
    private long _eventsCreated;
    private long _webhooksSent;
    private long _deliveredCount;
    private long _failedAttempts;
    private long _retriedCount;
    private long _gaveUpCount;
    private long _dropped;
    private long _duplicated;
    private long _delayed;
    private long _reordered;
    private long _apiErrors;
    private long _rateLimits;
    private long _apiDelays;
    private long _pending;

    public SimulatorStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SimulatorTelemetry.Name);
        _events = meter.CreateCounter<long>("payments.simulator.events.created", "{event}", "Payment events raised by the sandbox.");
        _sent = meter.CreateCounter<long>("payments.simulator.webhooks.sent", "{attempt}", "Webhook HTTP attempts, per scheme.");
        _delivered = meter.CreateCounter<long>("payments.simulator.webhooks.delivered", "{webhook}", "Deliveries answered 2xx, per scheme.");
        _failed = meter.CreateCounter<long>("payments.simulator.webhooks.failed_attempts", "{attempt}", "Attempts answered otherwise or not at all.");
        _retried = meter.CreateCounter<long>("payments.simulator.webhooks.retried", "{attempt}", "Retries scheduled.");
        _gaveUp = meter.CreateCounter<long>("payments.simulator.webhooks.gave_up", "{webhook}", "Deliveries abandoned after the retry window.");
        _faults = meter.CreateCounter<long>("payments.simulator.faults.injected", "{fault}", "Faults injected, per fault kind.");
        _duration = meter.CreateHistogram<double>("payments.simulator.webhooks.duration", "s", "One webhook attempt, request to response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void EventCreated() => Count(ref _eventsCreated, _events);

    public void DeliveryOpened() => Interlocked.Increment(ref _pending);

    public void DeliveryClosed() => Interlocked.Decrement(ref _pending);

    public void Sent(string scheme) => Count(ref _webhooksSent, _sent, scheme);

    public void Delivered(string scheme, TimeSpan duration)
    {
        Count(ref _deliveredCount, _delivered, scheme);
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("scheme", scheme));
    }

    public void FailedAttempt(string scheme, TimeSpan duration)
    {
        Count(ref _failedAttempts, _failed, scheme);
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("scheme", scheme));
    }

    public void Retried(string scheme) => Count(ref _retriedCount, _retried, scheme);

    public void GaveUp(string scheme) => Count(ref _gaveUpCount, _gaveUp, scheme);

    public void Dropped() => Fault(ref _dropped, "dropped");

    public void Duplicated() => Fault(ref _duplicated, "duplicated");

    public void Delayed() => Fault(ref _delayed, "delayed");

    public void Reordered() => Fault(ref _reordered, "reordered");

    public void ApiErrorInjected() => Fault(ref _apiErrors, "api_error");

    public void RateLimitInjected() => Fault(ref _rateLimits, "rate_limited");

    public void ApiDelayed() => Fault(ref _apiDelays, "api_delayed");

    public StatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _eventsCreated),
        Interlocked.Read(ref _webhooksSent),
        Interlocked.Read(ref _deliveredCount),
        Interlocked.Read(ref _failedAttempts),
        Interlocked.Read(ref _retriedCount),
        Interlocked.Read(ref _gaveUpCount),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _duplicated),
        Interlocked.Read(ref _delayed),
        Interlocked.Read(ref _reordered),
        Interlocked.Read(ref _apiErrors),
        Interlocked.Read(ref _rateLimits),
        Interlocked.Read(ref _apiDelays),
        Interlocked.Read(ref _pending));

    private static void Count(ref long field, Counter<long> counter)
    {
        Interlocked.Increment(ref field);
        counter.Add(1);
    }

    private static void Count(ref long field, Counter<long> counter, string scheme)
    {
        Interlocked.Increment(ref field);
        counter.Add(1, new KeyValuePair<string, object?>("scheme", scheme));
    }

    private void Fault(ref long field, string kind)
    {
        Interlocked.Increment(ref field);
        _faults.Add(1, new KeyValuePair<string, object?>("fault", kind));
    }
}

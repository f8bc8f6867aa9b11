using System.Diagnostics;
using System.Diagnostics.Metrics;
using Payments.Contracts;
using Payments.Ingress.Traffic;

namespace Payments.Ingress.Diagnostics;

/// <summary>
/// The ingress's instruments (meter "Payments.Ingress"). Tags are bounded: configured source names,
/// rejection reasons and event kinds; an unknown source is counted as "unknown", never by its name. Received and
/// rejected are also counted for operators (TrafficCounter, GET /admin/traffic), from these same calls.
/// </summary>
internal sealed class IngressMetrics
{
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _published;
    private readonly Counter<long> _ignored;
    private readonly Histogram<double> _publishDuration;
    private readonly Histogram<double> _ackDuration;
    private readonly TrafficCounter _traffic;

    public IngressMetrics(IMeterFactory meterFactory, TrafficCounter traffic)
    {
        _traffic = traffic;
        var meter = meterFactory.Create(IngressTelemetry.Name);
        _received = meter.CreateCounter<long>("payments.ingress.webhooks.received", "{webhook}", "Webhooks received, per source.");
        _rejected = meter.CreateCounter<long>("payments.ingress.webhooks.rejected", "{webhook}", "Webhooks refused, per source and reason.");
        _published = meter.CreateCounter<long>("payments.ingress.events.published", "{event}", "Canonical events confirmed by the broker.");
        _ignored = meter.CreateCounter<long>("payments.ingress.events.ignored", "{event}", "Verified events of kinds we do not handle (answered 200).");
        _publishDuration = meter.CreateHistogram<double>("payments.ingress.publish.duration", "s", "Publish until broker confirm.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        _ackDuration = meter.CreateHistogram<double>("payments.ingress.ack.duration", "s", "Request received until 2xx answered.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
    }

    public void Received(string source)
    {
        _received.Add(1, new KeyValuePair<string, object?>("source", source));
        _traffic.Received(source);
    }

    public void Rejected(string source, string reason)
    {
        _rejected.Add(1, new("source", source), new KeyValuePair<string, object?>("reason", reason));
        _traffic.Rejected(source, reason);
    }

    public void Published(PaymentEventReceived @event, TimeSpan duration)
    {
        var source = new KeyValuePair<string, object?>("source", @event.Source);
        _published.Add(1, source, new KeyValuePair<string, object?>("kind", @event.Kind.ToString()));
        _publishDuration.Record(duration.TotalSeconds, source);
    }

    public void Ignored(string source) => _ignored.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Acknowledged(string source, long startedTimestamp) =>
        _ackDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("source", source));
}

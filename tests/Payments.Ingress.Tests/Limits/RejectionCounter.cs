using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Payments.Ingress.Tests.Limits;

/// <summary>Counts payments.ingress.webhooks.rejected by (source, reason), as an exporter would see them.</summary>
internal sealed class RejectionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string?, string?), long> _counts = new();

    public RejectionCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "payments.ingress.webhooks.rejected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? source = null, reason = null;
            foreach (var tag in tags)
            {
                source = tag.Key == "source" ? tag.Value as string : source;
                reason = tag.Key == "reason" ? tag.Value as string : reason;
            }

            _counts.AddOrUpdate((source, reason), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long this[string source, string reason] => _counts.GetValueOrDefault((source, reason));

    public void Dispose() => _listener.Dispose();
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Payments.Testing;

/// <summary>
/// Sums what the services record on the named counters (in-process), e.g. to know every delivery was handled. Test
/// classes run in parallel, each with its own app in the same process: pass the app's <see cref="IMeterFactory"/> as
/// <c>scope</c> to count only that app's measurements.
/// </summary>
public sealed class MetricTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public MetricTotals(params string[] instruments)
        : this(scope: null, instruments)
    {
    }

    public MetricTotals(IMeterFactory? scope, params string[] instruments)
    {
        var names = instruments.ToHashSet();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (names.Contains(instrument.Name) && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            _counts.AddOrUpdate(instrument.Name, 1, (_, count) => count + 1);
        });
        _listener.Start();
    }

    public long this[string instrument] => _totals.GetValueOrDefault(instrument);

    /// <summary>How many measurements were recorded (for a histogram: how many values, where the indexer gives their sum).</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}

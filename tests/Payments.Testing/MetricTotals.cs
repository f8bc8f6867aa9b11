using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Payments.Testing;

/// <summary>
/// Sums what the services record on the named counters (in-process), e.g. to know every delivery was handled, in all
/// or per tag (<see cref="Tagged"/>), and reads what the named observable gauges report now (<see cref="Observe"/>).
/// Test classes run in parallel, each with its own app in the same process: pass the app's <see cref="IMeterFactory"/>
/// as <c>scope</c> to count only that app's measurements.
/// </summary>
public sealed class MetricTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _tagged = new();
    private readonly Lock _observing = new();
    private List<IReadOnlyDictionary<string, string?>>? _observed;

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
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            _counts.AddOrUpdate(instrument.Name, 1, (_, count) => count + 1);
            _tagged.AddOrUpdate((instrument.Name, Key(tags)), value, (_, total) => total + value);
        });
        // Observable gauges report only when asked (Observe), on the asking thread.
        _listener.SetMeasurementEventCallback<int>((_, _, tags, _) =>
            _observed?.Add(tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
        _listener.Start();
    }

    public long this[string instrument] => _totals.GetValueOrDefault(instrument);

    /// <summary>How many measurements were recorded (for a histogram: how many values, where the indexer gives their sum).</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

    /// <summary>The sum of the measurements that carried every one of <paramref name="tags"/> ("key=value"), among others.</summary>
    public long Tagged(string instrument, params string[] tags) =>
        _tagged.Where(t => t.Key.Instrument == instrument && tags.All(tag => t.Key.Tags.Split('|').Contains(tag))).Sum(t => t.Value);

    /// <summary>The tags of every measurement the named observable gauges (of int) report at this moment.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Observe()
    {
        lock (_observing)
        {
            _observed = [];
            _listener.RecordObservableInstruments();
            var observed = _observed;
            _observed = null;
            return observed;
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            parts[i] = $"{tags[i].Key}={tags[i].Value}";
        }

        return string.Join('|', parts);
    }
}

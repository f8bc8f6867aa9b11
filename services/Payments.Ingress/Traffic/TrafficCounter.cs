using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Payments.Ingress.Traffic;

/// <summary>
/// Webhooks received and refused per source (refusals also per reason) in one-minute buckets over the last hour, in
/// memory, for GET /admin/traffic. IngressMetrics feeds it from the same calls that feed the OTLP counters, so the two
/// never disagree. Keys are bounded (configured sources and "unknown", and the refusal reasons), so the map is too:
/// buckets older than the window go when a new minute begins. Counting costs one lookup and one interlocked add;
/// a restart starts from zero, which the report says (Since).
/// </summary>
internal sealed class TrafficCounter
{
    public const int WindowMinutes = 60;

    private readonly ConcurrentDictionary<Bucket, StrongBox<long>> _counts = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private long _newestMinute;

    public TrafficCounter(TimeProvider time)
    {
        _time = time;
        _started = time.GetUtcNow();
        _newestMinute = MinuteOf(_started);
    }

    public void Received(string source) => Add(source, reason: null);

    public void Rejected(string source, string reason) => Add(source, reason);

    /// <summary>The last <paramref name="minutes"/> minutes, the current one included, per source.</summary>
    public TrafficReport Report(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, WindowMinutes);
        var now = _time.GetUtcNow();
        var first = MinuteOf(now) - minutes + 1;
        var since = DateTimeOffset.FromUnixTimeSeconds(first * 60);
        if (since < _started)
        {
            since = _started;
        }

        var received = new Dictionary<string, long>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (bucket, count) in _counts)
        {
            if (bucket.Minute < first)
            {
                continue;
            }

            if (bucket.Reason is null)
            {
                received[bucket.Source] = received.GetValueOrDefault(bucket.Source) + count.Value;
            }
            else
            {
                var reasons = rejected.TryGetValue(bucket.Source, out var r) ? r : rejected[bucket.Source] = new(StringComparer.Ordinal);
                reasons[bucket.Reason] = reasons.GetValueOrDefault(bucket.Reason) + count.Value;
            }
        }

        // A rate over less than a few seconds says nothing: the first moments after a start count as ten seconds.
        var elapsedMinutes = Math.Max((now - since).TotalMinutes, 10.0 / 60);
        var sources = received.Keys.Union(rejected.Keys).Order(StringComparer.Ordinal)
            .Select(source =>
            {
                var count = received.GetValueOrDefault(source);
                return new SourceTraffic(source, count, Math.Round(count / elapsedMinutes, 1),
                    rejected.TryGetValue(source, out var reasons) ? reasons : new SortedDictionary<string, long>());
            })
            .ToList();
        return new TrafficReport(now, since, minutes, sources);
    }

    private void Add(string source, string? reason)
    {
        var minute = MinuteOf(_time.GetUtcNow());
        if (minute > Volatile.Read(ref _newestMinute) && Interlocked.Exchange(ref _newestMinute, minute) < minute)
        {
            DropOlderThan(minute - WindowMinutes + 1);
        }

        Interlocked.Increment(ref _counts.GetOrAdd(new Bucket(minute, source, reason), static _ => new StrongBox<long>()).Value);
    }

    private void DropOlderThan(long minute)
    {
        foreach (var bucket in _counts.Keys)
        {
            if (bucket.Minute < minute)
            {
                _counts.TryRemove(bucket, out _);
            }
        }
    }

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private readonly record struct Bucket(long Minute, string Source, string? Reason);
}

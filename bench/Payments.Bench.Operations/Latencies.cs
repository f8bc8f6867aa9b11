namespace Payments.Bench.Operations;

/// <summary>Per-request milliseconds of one query against one target; nearest-rank percentiles.</summary>
internal sealed record Latencies(List<double> Milliseconds, long Matched)
{
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Summary => $"{Percentile(50):0.0} / {Percentile(95):0.0} / {Percentile(99):0.0}";
}

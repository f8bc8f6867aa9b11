namespace Payments.Bench.Reconciliation;

/// <summary>A configuration measured: its passes, a claim-only sweep (no provider), and the claim query's plan.</summary>
internal sealed record Variant(string Name, List<PassRun> Passes, List<double> ClaimSweepMilliseconds, string Plan)
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

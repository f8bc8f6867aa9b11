using System.Text.Json;

namespace Payments.Demo;

/// <summary>The table at the end of the demo: what the system did, measured from its own APIs.</summary>
internal sealed class DemoSummary(IReadOnlyList<DemoOrder> orders, JsonDocument simulatorStats)
{
    public void Print()
    {
        var stats = simulatorStats.RootElement;
        long Stat(string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;

        Console.WriteLine();
        Console.WriteLine("  Orders by final state            expected   actual");
        foreach (var status in new[] { "paid", "payment_failed", "refunded", "needs_attention", "awaiting_payment" })
        {
            Console.WriteLine($"    {status,-28} {orders.Count(o => o.Plan.ExpectedStatus() == status),8} {orders.Count(o => o.Status == status),8}");
        }

        Console.WriteLine();
        Console.WriteLine($"  Webhooks sent by the provider    {Stat("webhooks_sent"),8}  (delivered {Stat("delivered")}, retried {Stat("retried")})");
        Console.WriteLine($"  Duplicates injected, absorbed    {Stat("duplicated"),8}  (order histories hold each event once: {orders.Sum(o => o.EventsRecorded)} events recorded)");
        Console.WriteLine($"  Dropped by the provider          {Stat("dropped"),8}");
        Console.WriteLine($"  Recovered by reconciliation      {orders.Count(o => o.RecoveredByReconciliation),8}  orders");
        Console.WriteLine($"  Emails sent                      {orders.Sum(o => o.EmailsSent),8}");
        PrintLatency("Provider outcome -> order state  ", orders.Where(o => o.ReachedAt is not null).Select(o => (o.ReachedAt!.Value - o.ActedAt).TotalMilliseconds));
        PrintLatency("Provider outcome -> email sent   ", orders.Where(o => o.LastEmailAt is not null).Select(o => (o.LastEmailAt!.Value - o.ActedAt).TotalMilliseconds));
        // The first customer to act meets services that have just started (cold pools, code not yet compiled).
        if (orders.MinBy(o => o.ActedAt) is { ReachedAt: not null, LastEmailAt: not null } first)
        {
            Console.WriteLine($"  First order after start            outcome -> order state {(first.ReachedAt.Value - first.ActedAt).TotalMilliseconds:0} ms, " +
                              $"-> email sent {(first.LastEmailAt.Value - first.ActedAt).TotalMilliseconds:0} ms");
        }

        var mismatched = orders.Where(o => !o.Matches).ToList();
        Console.WriteLine();
        Console.WriteLine(mismatched.Count == 0
            ? $"  Every one of {orders.Count} orders matches the provider's state."
            : $"  {mismatched.Count} orders do NOT match the provider: {string.Join(", ", mismatched.Take(5).Select(o => $"{o.Id} is {o.Status}, provider says {o.Plan.ExpectedStatus()}"))}");
    }

    private static void PrintLatency(string label, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Select(m => Math.Max(0, m)).Order().ToList();
        if (sorted.Count == 0)
        {
            Console.WriteLine($"  {label}        n/a");
            return;
        }

        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine($"  {label} p50 {P(0.50):0} ms, p90 {P(0.90):0} ms, p99 {P(0.99):0} ms (n={sorted.Count}; recovered orders wait for reconciliation)");
    }
}

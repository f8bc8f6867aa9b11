namespace Payments.Ingress.Traffic;

/// <summary>
/// GET /admin/traffic: webhooks per source since <paramref name="Since"/> (the start of the window, or of this process
/// if it started later; counts live in memory and restart from zero).
/// </summary>
public sealed record TrafficReport(DateTimeOffset At, DateTimeOffset Since, int Minutes, IReadOnlyList<SourceTraffic> Sources);

/// <summary>
/// One source: every webhook that reached it (refused ones included), the average per minute over the window, and the
/// refusals by reason (the `reason` of the problem answers and of payments.ingress.webhooks.rejected).
/// </summary>
public sealed record SourceTraffic(string Source, long Received, double PerMinute, IReadOnlyDictionary<string, long> Rejected);

namespace Payments.Bench.Soak;

/// <summary>Each service's resident memory at one moment: VmRSS in KiB by service, and its pid (a new one: it was restarted).</summary>
public sealed record MemorySample(TimeSpan At, IReadOnlyDictionary<string, (int Pid, long RssKiB)?> Services);

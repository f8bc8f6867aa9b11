namespace Payments.Operations.Now;

/// <summary>An owning service's outbox (null when it did not answer: see Unavailable).</summary>
public sealed record ServiceBacklog(string Service, long Pending, double OldestPendingSeconds, long Parked);

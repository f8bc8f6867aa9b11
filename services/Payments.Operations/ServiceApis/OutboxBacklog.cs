namespace Payments.Operations.ServiceApis;

/// <summary>An owning service's `/admin/outbox/backlog`: rows waiting for the relay, the oldest one's age, parked rows.</summary>
public sealed record OutboxBacklog(long Pending, double OldestPendingSeconds, long Parked);

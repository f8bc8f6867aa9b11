namespace Payments.Messaging.Outbox;

/// <summary>The outbox at a glance: rows waiting for the relay, the oldest one's age in seconds, parked rows.</summary>
public sealed record OutboxBacklog(long Pending, double OldestPendingSeconds, long Parked);

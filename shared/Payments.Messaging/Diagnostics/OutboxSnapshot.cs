namespace Payments.Messaging.Diagnostics;

public sealed record OutboxSnapshot(long Pending, TimeSpan OldestAge, long Parked);

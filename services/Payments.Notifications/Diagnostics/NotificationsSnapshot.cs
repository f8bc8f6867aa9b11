namespace Payments.Notifications.Diagnostics;

public sealed record NotificationsSnapshot(long Pending, TimeSpan OldestPendingAge, long Parked);

namespace Payments.Notifications.Sending;

/// <summary>What became of one claimed notification.</summary>
internal enum SendOutcome
{
    Sent,
    RetryLater,
    Parked,
}

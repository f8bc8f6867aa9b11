namespace Payments.Notifications.Sending;

/// <param name="RetryAfter">For <see cref="SendOutcome.RetryLater"/>: the backoff before the next attempt.</param>
internal sealed record SendResult(PendingNotification Notification, SendOutcome Outcome, SendFailure? Failure = null, TimeSpan RetryAfter = default);

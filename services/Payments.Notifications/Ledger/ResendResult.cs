namespace Payments.Notifications.Ledger;

/// <summary>The outcome of a resend request.</summary>
public abstract record ResendResult
{
    private ResendResult() { }

    public sealed record Requeued(NotificationResponse Notification) : ResendResult;

    public sealed record NotParked(NotificationResponse Notification) : ResendResult;

    public sealed record NotFound : ResendResult;
}

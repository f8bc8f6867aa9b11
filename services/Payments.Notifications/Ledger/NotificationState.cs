namespace Payments.Notifications.Ledger;

/// <summary>pending → sent, or pending → parked (after the attempt budget, or at once when retrying cannot help) → pending on resend.</summary>
public static class NotificationState
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Parked = "parked";
}

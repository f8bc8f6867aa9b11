namespace Payments.Notifications.Ledger;

/// <summary>What an email is about; stored and returned as these names.</summary>
public static class NotificationKind
{
    public const string Paid = "paid";
    public const string PaymentFailed = "payment_failed";
    public const string Refunded = "refunded";
    public const string NeedsAttention = "needs_attention";
}

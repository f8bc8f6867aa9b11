namespace Payments.Reconciliation.Housekeeping;

public static class KnownStatusText
{
    public static string ToText(this KnownStatus status) => status switch
    {
        KnownStatus.AwaitingPayment => "awaiting_payment",
        KnownStatus.PaymentFailed => "payment_failed",
        KnownStatus.Paid => "paid",
        KnownStatus.Refunded => "refunded",
        KnownStatus.NeedsAttention => "needs_attention",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static KnownStatus Parse(string text) => text switch
    {
        "awaiting_payment" => KnownStatus.AwaitingPayment,
        "payment_failed" => KnownStatus.PaymentFailed,
        "paid" => KnownStatus.Paid,
        "refunded" => KnownStatus.Refunded,
        "needs_attention" => KnownStatus.NeedsAttention,
        _ => throw new FormatException($"Unknown status '{text}'."),
    };

    /// <summary>Refunded and needs-attention are where an order's payment story ends: nothing the provider says can move it.</summary>
    public static bool IsFinal(this KnownStatus status) => status is KnownStatus.Refunded or KnownStatus.NeedsAttention;
}

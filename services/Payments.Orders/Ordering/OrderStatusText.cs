namespace Payments.Orders.Ordering;

public static class OrderStatusText
{
    public static string ToText(this OrderStatus status) => status switch
    {
        OrderStatus.AwaitingPayment => "awaiting_payment",
        OrderStatus.PaymentFailed => "payment_failed",
        OrderStatus.Paid => "paid",
        OrderStatus.Refunded => "refunded",
        OrderStatus.NeedsAttention => "needs_attention",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OrderStatus Parse(string text) => text switch
    {
        "awaiting_payment" => OrderStatus.AwaitingPayment,
        "payment_failed" => OrderStatus.PaymentFailed,
        "paid" => OrderStatus.Paid,
        "refunded" => OrderStatus.Refunded,
        "needs_attention" => OrderStatus.NeedsAttention,
        _ => throw new FormatException($"Unknown order status '{text}'."),
    };
}

namespace Payments.Orders.Ordering;

/// <summary>Stored as snake_case text (see <see cref="OrderStatusText"/>).</summary>
public enum OrderStatus
{
    AwaitingPayment,
    PaymentFailed,
    Paid,
    Refunded,
    NeedsAttention,
}

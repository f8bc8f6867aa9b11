namespace Payments.Orders.PaymentEvents;

/// <summary>
/// A payment event for an order we do not have (yet: it may race the order's creation). Retried with delay by the
/// endpoint's policy, then dead-lettered to the error queue with this message as the reason.
/// </summary>
public class OrderNotFoundException : Exception
{
    public OrderNotFoundException(string? orderId, string paymentId)
        : base($"No order matches order id '{orderId ?? "(none)"}' or payment id '{paymentId}'.") { }

    public OrderNotFoundException() { }

    public OrderNotFoundException(string message) : base(message) { }

    public OrderNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

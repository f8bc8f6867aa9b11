namespace Payments.Orders.PaymentEvents;

/// <summary>
/// The order exists but its payment is not recorded yet (payment creation deferred to the outbox), so the event cannot
/// be checked against the payment it must be about. Waits like an event whose order is not found: the deferred
/// creation records the payment within Provider:FallbackDelay.
/// </summary>
public sealed class PaymentNotRecordedException : OrderNotFoundException
{
    public PaymentNotRecordedException(Guid orderId, string paymentId)
        : base($"Order '{orderId}' has no payment recorded yet; the event names payment '{paymentId}'.") { }

    public PaymentNotRecordedException() { }

    public PaymentNotRecordedException(string message) : base(message) { }

    public PaymentNotRecordedException(string message, Exception innerException) : base(message, innerException) { }
}

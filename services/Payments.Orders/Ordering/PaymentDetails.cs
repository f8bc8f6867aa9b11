namespace Payments.Orders.Ordering;

/// <summary>
/// The payment recorded for an order: none until a payment id is recorded. The provider may be missing beside it on
/// rows where a payment event recorded the id while the payment creation still waited for its retry from the outbox.
/// </summary>
public sealed record PaymentDetails(string? Provider, string PaymentId)
{
    public static PaymentDetails? From(string? provider, string? paymentId) => paymentId is null ? null : new(provider, paymentId);
}

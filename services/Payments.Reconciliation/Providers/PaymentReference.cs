namespace Payments.Reconciliation.Providers;

/// <summary>How a payment is named to its provider: Stripe knows the PaymentIntent id, LiqPay our order id.</summary>
public sealed record PaymentReference(string PaymentId, Guid OrderId);

namespace Payments.Orders.PaymentEvents;

/// <summary>What an order was created with, and what every payment event for it must agree with.</summary>
/// <param name="Provider">The provider its payment was created at (orders.provider), null until the payment is recorded.</param>
/// <param name="PaymentId">The provider's id of that payment (orders.payment_id), null until recorded.</param>
public sealed record OrderTerms(long AmountMinor, string Currency, string? Provider, string? PaymentId);

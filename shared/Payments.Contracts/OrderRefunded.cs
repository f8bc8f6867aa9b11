namespace Payments.Contracts;

/// <summary>The order's payment was refunded (v1). <paramref name="RefundedAmountMinor"/> may be less than the order's amount.</summary>
/// <remarks>Carries the customer's address for the one subscriber that writes to them (Notifications); the same fact without it is <see cref="OrderPaymentStatusChanged"/>.</remarks>
public sealed record OrderRefunded(
    Guid OrderId,
    string PaymentId,
    long AmountMinor,
    long RefundedAmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset RefundedAt,
    Guid CausationId);

namespace Payments.Contracts;

/// <summary>The order's payment succeeded (v1). <paramref name="CausationId"/> is the payment event that moved it.</summary>
/// <remarks>Carries the customer's address for the one subscriber that writes to them (Notifications); the same fact without it is <see cref="OrderPaymentStatusChanged"/>.</remarks>
public sealed record OrderPaid(
    Guid OrderId,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset PaidAt,
    Guid CausationId);

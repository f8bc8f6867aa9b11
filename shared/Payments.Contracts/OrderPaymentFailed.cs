namespace Payments.Contracts;

/// <summary>The order's payment attempt failed; the customer may retry (v1).</summary>
/// <remarks>Carries the customer's address for the one subscriber that writes to them (Notifications); the same fact without it is <see cref="OrderPaymentStatusChanged"/>.</remarks>
public sealed record OrderPaymentFailed(
    Guid OrderId,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset FailedAt,
    Guid CausationId);

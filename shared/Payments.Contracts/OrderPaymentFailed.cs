namespace Payments.Contracts;

/// <summary>The order's payment attempt failed; the customer may retry (v1).</summary>
public sealed record OrderPaymentFailed(
    Guid OrderId,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset FailedAt,
    Guid CausationId);

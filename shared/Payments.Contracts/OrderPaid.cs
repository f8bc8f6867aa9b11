namespace Payments.Contracts;

/// <summary>The order's payment succeeded (v1). <paramref name="CausationId"/> is the payment event that moved it.</summary>
public sealed record OrderPaid(
    Guid OrderId,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset PaidAt,
    Guid CausationId);

namespace Payments.Contracts;

/// <summary>An order exists and its payment was created at the provider (v1).</summary>
public sealed record OrderCreated(
    Guid OrderId,
    string Provider,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    DateTimeOffset CreatedAt);

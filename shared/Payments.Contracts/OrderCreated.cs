namespace Payments.Contracts;

/// <summary>An order exists and its payment was created at the provider (v1).</summary>
/// <param name="CustomerEmail">
/// Deprecated: always null from Orders. No subscriber of this event emails anyone, so it does not carry the customer's
/// address (docs/decisions/0004-personal-data-in-messages.md). Kept, nullable, so consumers built against v1 still read it.
/// </param>
public sealed record OrderCreated(
    Guid OrderId,
    string Provider,
    string PaymentId,
    long AmountMinor,
    string Currency,
    string? CustomerEmail,
    DateTimeOffset CreatedAt);

namespace Payments.Orders.Ordering;

public sealed record OrderResponse(
    Guid Id,
    string Status,
    long AmountMinor,
    string Currency,
    string CustomerEmail,
    PaymentDetails? Payment,
    string? AttentionReason,
    long? RefundedMinor,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<OrderEventResponse> History);

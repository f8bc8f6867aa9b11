namespace Payments.Orders.Story;

/// <summary>
/// What Orders recorded about one order, for an operator: every payment event received (with the redeliveries its inbox
/// absorbed) and every move of the order with what caused it. Customers' addresses are not part of it.
/// </summary>
public sealed record OrderStory(
    Guid OrderId,
    string Status,
    long AmountMinor,
    string Currency,
    string? Provider,
    string? PaymentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ReceivedEvent> Events,
    IReadOnlyList<OrderTransition> Transitions);

namespace Payments.Operations.ServiceApis;

/// <summary>Orders' `GET /admin/orders/{id}/story`: what Orders recorded about one order.</summary>
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

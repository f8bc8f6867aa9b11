namespace Payments.Orders.Ordering;

/// <summary>One payment event as the order saw it: what it was, and what it did.</summary>
public sealed record OrderEventResponse(
    Guid EventId,
    string Kind,
    string Source,
    string ProviderEventId,
    long AmountMinor,
    string Currency,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string FromStatus,
    string ToStatus,
    string Outcome,
    string Explanation);

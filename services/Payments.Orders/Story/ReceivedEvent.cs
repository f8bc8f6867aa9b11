namespace Payments.Orders.Story;

/// <summary>One payment event as received: a webhook (source: the ingress source) or a reconciliation finding.</summary>
/// <param name="Duplicates">Further deliveries of the same event that the inbox absorbed.</param>
/// <param name="TraceId">The trace of the consume span that recorded it; null for rows recorded before trace ids were kept.</param>
public sealed record ReceivedEvent(
    Guid EventId,
    string Source,
    string Kind,
    string ProviderEventId,
    string PaymentId,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RecordedAt,
    int Duplicates,
    string Outcome,
    string Explanation,
    string? TraceId);

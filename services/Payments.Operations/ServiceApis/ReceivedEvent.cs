namespace Payments.Operations.ServiceApis;

/// <summary>A payment event Orders received (a webhook, or a reconciliation finding) and the redeliveries its inbox absorbed.</summary>
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

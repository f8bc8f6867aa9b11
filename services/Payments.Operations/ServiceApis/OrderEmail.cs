namespace Payments.Operations.ServiceApis;

/// <summary>One email of an order as Notifications' `GET /notifications?orderId=` reports it.</summary>
public sealed record OrderEmail(
    Guid Id,
    string Kind,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ParkedAt,
    string? LastError,
    string? TraceId);

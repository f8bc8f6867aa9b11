namespace Payments.Operations.ServiceApis;

/// <summary>A notification as Notifications' operator endpoints report it (its life, never its recipient or content).</summary>
public sealed record NotificationSummary(
    Guid Id,
    Guid OrderId,
    string Kind,
    string State,
    int Attempts,
    string MessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ParkedAt,
    DateTimeOffset? ResentAt,
    string? LastError);

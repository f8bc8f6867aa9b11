namespace Payments.Notifications.Ledger;

/// <summary>What the API tells about a notification: its life, not its recipient or content.</summary>
/// <param name="TraceId">The trace of the event that caused it (the send continues it); null when none was recorded.</param>
public sealed record NotificationResponse(
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
    string? LastError,
    string? TraceId);

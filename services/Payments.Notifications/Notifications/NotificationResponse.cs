namespace Payments.Notifications.Notifications;

/// <summary>What the API tells about a notification: its life, not its recipient or content.</summary>
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
    string? LastError);

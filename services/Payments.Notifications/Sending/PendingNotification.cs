namespace Payments.Notifications.Sending;

/// <summary>A claimed notification, locked by the sender's transaction until its outcome commits.</summary>
internal sealed record PendingNotification(
    Guid Id,
    Guid OrderId,
    string Kind,
    string Recipient,
    string MessageId,
    string Subject,
    string TextBody,
    string HtmlBody,
    int Attempts);

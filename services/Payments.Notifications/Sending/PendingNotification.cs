namespace Payments.Notifications.Sending;

/// <summary>
/// A claimed notification. <paramref name="ClaimedAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp taken
/// when the claim returned; <paramref name="TraceParent"/> and <paramref name="TraceState"/> are the recording span's.
/// </summary>
internal sealed record PendingNotification(
    Guid Id,
    Guid OrderId,
    string Kind,
    string Recipient,
    string MessageId,
    string Subject,
    string TextBody,
    string HtmlBody,
    int Attempts,
    long ClaimedAt,
    string? TraceParent = null,
    string? TraceState = null);

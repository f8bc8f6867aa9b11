using Payments.Notifications.Templates;

namespace Payments.Notifications.Ledger;

/// <summary>
/// A notification as the consumer records it. <paramref name="Unsendable"/> is the reason it can never be sent
/// (e.g. an invalid address): such a notification is recorded parked, visible to an operator, instead of failing the event.
/// <paramref name="TraceParent"/> and <paramref name="TraceState"/> are the W3C trace context of the span that recorded it.
/// </summary>
public sealed record NotificationDraft(
    Guid Id,
    Guid EventId,
    Guid OrderId,
    string Kind,
    string Recipient,
    string MessageId,
    EmailContent Content,
    string? Unsendable,
    string? TraceParent,
    string? TraceState);

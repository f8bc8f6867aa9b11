namespace Payments.Testing.Smtp.Mailpit;

/// <summary>One entry of <c>GET /api/v1/messages</c>; Cc and Bcc are absent from some servers' answers.</summary>
internal sealed record MailpitMessageSummary(
    string ID,
    MailpitAddress? From,
    IReadOnlyList<MailpitAddress>? To,
    IReadOnlyList<MailpitAddress>? Cc,
    IReadOnlyList<MailpitAddress>? Bcc,
    DateTimeOffset Created);

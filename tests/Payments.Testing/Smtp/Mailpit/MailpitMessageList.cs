namespace Payments.Testing.Smtp.Mailpit;

/// <summary>A page of <c>GET /api/v1/messages?start=N&amp;limit=M</c>, newest first.</summary>
internal sealed record MailpitMessageList(int Total, int Start, IReadOnlyList<MailpitMessageSummary> Messages);

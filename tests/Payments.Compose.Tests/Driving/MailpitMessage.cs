namespace Payments.Compose.Tests.Driving;

/// <summary>One message as Mailpit's API lists it (GET /api/v1/messages).</summary>
public sealed record MailpitMessage(string Id, string MessageId, IReadOnlyList<string> To, string Subject);

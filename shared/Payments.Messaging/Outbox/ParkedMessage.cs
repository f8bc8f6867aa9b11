namespace Payments.Messaging.Outbox;

/// <summary>An outbox row that used up its attempts, as an operator sees it.</summary>
public sealed record ParkedMessage(Guid Id, string MessageType, string Destination, int Attempts, string? LastError, DateTime CreatedAt, DateTime ParkedAt);

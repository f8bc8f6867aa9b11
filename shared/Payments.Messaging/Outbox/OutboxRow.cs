namespace Payments.Messaging.Outbox;

/// <summary>A claimed outbox row.</summary>
internal sealed record OutboxRow(Guid Id, string MessageType, string Destination, byte[] Body, string Headers, bool Mandatory, int Attempts, DateTime CreatedAt);

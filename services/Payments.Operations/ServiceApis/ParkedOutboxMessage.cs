namespace Payments.Operations.ServiceApis;

/// <summary>A parked outbox row as an owning service's `/admin/outbox/parked` reports it.</summary>
public sealed record ParkedOutboxMessage(Guid Id, string MessageType, string Destination, int Attempts, string? LastError, DateTime CreatedAt, DateTime ParkedAt);

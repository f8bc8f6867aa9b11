namespace Payments.Operations.Parked;

/// <summary>
/// Something an owning service gave up on: an outbox row (kind "outbox": Orders, Reconciliation) or a notification
/// (kind "notification"). Reason is its last error.
/// </summary>
public sealed record ParkedItem(
    string Service, Guid Id, string Kind, string? Reason, DateTimeOffset? ParkedAt, int Attempts, string? MessageType, string? Destination,
    Guid? OrderId, DateTimeOffset CreatedAt);

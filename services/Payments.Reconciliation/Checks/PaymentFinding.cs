namespace Payments.Reconciliation.Checks;

/// <summary>
/// An outcome a check found at the provider and announced to Orders (as a PaymentEventReceived with this event id), and
/// the trace of that check (null where tracing was off).
/// </summary>
public sealed record PaymentFinding(Guid EventId, string PaymentId, string Kind, long AmountMinor, string Currency, DateTimeOffset FoundAt, string? TraceId);

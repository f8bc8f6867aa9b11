namespace Payments.Reconciliation.Checks;

/// <summary>An outcome a check found at the provider and announced to Orders (as a PaymentEventReceived with this event id).</summary>
public sealed record PaymentFinding(Guid EventId, string PaymentId, string Kind, long AmountMinor, string Currency, DateTimeOffset FoundAt);

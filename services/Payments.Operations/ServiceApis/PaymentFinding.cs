namespace Payments.Operations.ServiceApis;

/// <summary>An outcome Reconciliation found at the provider and announced to Orders, with the trace of the check that found it.</summary>
public sealed record PaymentFinding(Guid EventId, string PaymentId, string Kind, long AmountMinor, string Currency, DateTimeOffset FoundAt, string? TraceId = null);

namespace Payments.Operations.ServiceApis;

/// <summary>One of Reconciliation's checks at the provider: its answer or why it could not ask, and its trace.</summary>
public sealed record PaymentCheck(DateTimeOffset CheckedAt, string? ProviderStatus, string? Error, string? TraceId);

namespace Payments.Reconciliation.Checks;

/// <summary>
/// One check at the provider: what it answered (<paramref name="ProviderStatus"/>) or why it could not be asked
/// (<paramref name="Error"/>), and its trace (null where tracing was off).
/// </summary>
public sealed record PaymentCheck(DateTimeOffset CheckedAt, string? ProviderStatus, string? Error, string? TraceId);

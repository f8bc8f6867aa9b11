namespace Payments.Operations.ServiceApis;

/// <summary>Reconciliation's `GET /admin/payments/{orderId}/checks`.</summary>
public sealed record PaymentChecks(
    Guid OrderId,
    string? PaymentId,
    string? Provider,
    string Status,
    DateTimeOffset CreatedAt,
    int Checks,
    int ProviderErrors,
    string? ProviderStatus,
    DateTimeOffset? LastCheckedAt,
    string? LastError,
    DateTimeOffset? StuckAt,
    DateTimeOffset? NextCheckAt,
    IReadOnlyList<PaymentFinding> Findings,
    IReadOnlyList<PaymentCheck>? History = null);

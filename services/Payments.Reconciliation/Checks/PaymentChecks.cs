namespace Payments.Reconciliation.Checks;

/// <summary>
/// What Reconciliation recorded about one order's payment: its view of the payment, how its checks at the provider
/// went (how many, the last one's answer or error, whether it gave up: stuck), each check in order with its trace, and
/// the findings it announced.
/// </summary>
/// <param name="NextCheckAt">Null when the payment is no longer watched (closed, stuck, or provider not known yet).</param>
public sealed record PaymentChecks(
    Guid OrderId,
    string? PaymentId,
    string? Provider,
    string Status,
    long AmountMinor,
    string Currency,
    DateTimeOffset CreatedAt,
    int Checks,
    int ProviderErrors,
    string? ProviderStatus,
    DateTimeOffset? LastCheckedAt,
    string? LastError,
    DateTimeOffset? StuckAt,
    DateTimeOffset? NextCheckAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PaymentFinding> Findings,
    IReadOnlyList<PaymentCheck> History);

namespace Payments.Reconciliation.Housekeeping;

/// <summary>A due payment this pass holds (its claim id guards the write-back against a pass whose lease ran out).</summary>
public sealed record ClaimedPayment(
    Guid OrderId,
    string PaymentId,
    string Provider,
    long AmountMinor,
    string Currency,
    DateTimeOffset CreatedAt,
    KnownStatus Status,
    int Checks,
    int ProviderErrors,
    Guid ClaimId);

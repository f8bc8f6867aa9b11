using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.Report;

/// <summary>A payment as our view has it, for the report.</summary>
public sealed record TrackedPayment(
    Guid OrderId,
    string? PaymentId,
    string? Provider,
    long AmountMinor,
    string Currency,
    DateTimeOffset CreatedAt,
    KnownStatus Status,
    DateTimeOffset? StuckAt,
    string? ProviderStatus);

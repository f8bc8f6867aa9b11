namespace Payments.Reconciliation.Report;

/// <summary>One payment on which our books and the provider's disagree; a side that does not know it is null.</summary>
public sealed record Discrepancy(
    Guid? OrderId,
    string PaymentId,
    string? OurStatus,
    string? ProviderStatus,
    long? OurAmountMinor,
    string? OurCurrency,
    long? ProviderAmountMinor,
    string? ProviderCurrency);

namespace Payments.ProviderSimulator.Payments;

internal sealed record Refund(
    string Id,
    string ChargeId,
    string PaymentIntentId,
    long Amount,
    string Currency,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset Created);

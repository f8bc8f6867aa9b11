namespace Payments.ProviderSimulator.Payments;

/// <summary>One attempt to move the money of a payment; a refund raises <paramref name="AmountRefunded"/> (cumulative).</summary>
internal sealed record Charge(
    string Id,
    string PaymentIntentId,
    long Amount,
    long AmountRefunded,
    string Currency,
    ChargeStatus Status,
    string PaymentMethod,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset Created,
    PaymentError? Failure,
    DateTimeOffset? RefundedAt);

namespace Payments.ProviderSimulator.Payments;

/// <summary>Refund a charge, named directly or as a payment's latest charge; no amount means everything not yet refunded.</summary>
internal sealed record RefundRequest(string? PaymentIntentId, string? ChargeId, long? Amount, IReadOnlyDictionary<string, string> Metadata);

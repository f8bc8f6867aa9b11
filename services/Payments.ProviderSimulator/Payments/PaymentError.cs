namespace Payments.ProviderSimulator.Payments;

/// <summary>Why the last confirmation failed: Stripe's code (card_declined) and decline_code (generic_decline, insufficient_funds…).</summary>
internal sealed record PaymentError(string Code, string DeclineCode, string Message, string PaymentMethod, string ChargeId);

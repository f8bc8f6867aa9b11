namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// A payment as the sandbox keeps it; the Stripe PaymentIntent, the LiqPay payment and the Standard Webhooks
/// message are views of it. <paramref name="Sequence"/> orders payments created in the same second;
/// <paramref name="LiqPayId"/> is the numeric payment_id LiqPay would have given it.
/// </summary>
internal sealed record Payment(
    string Id,
    long Sequence,
    long LiqPayId,
    long Amount,
    string Currency,
    PaymentStatus Status,
    IReadOnlyDictionary<string, string> Metadata,
    string? Description,
    string? PaymentMethod,
    string ClientSecret,
    DateTimeOffset Created,
    string? LatestChargeId,
    PaymentError? LastError);

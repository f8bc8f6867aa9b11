namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>
/// The PaymentIntent fields we read (https://docs.stripe.com/api/payment_intents/object), snake_case on the wire.
/// Read with required constructor parameters and nullable annotations respected: a field without a default must be
/// there and, unless nullable, not null.
/// </summary>
internal sealed record StripePaymentIntent(
    string Id,
    string Status,
    long Amount,
    long AmountReceived,
    string Currency,
    long Created,
    string? LatestCharge = null,
    StripeLastPaymentError? LastPaymentError = null,
    Dictionary<string, string?>? Metadata = null);

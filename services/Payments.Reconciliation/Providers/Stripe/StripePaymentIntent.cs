namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>The PaymentIntent fields we read (https://docs.stripe.com/api/payment_intents/object), snake_case on the wire.</summary>
internal sealed record StripePaymentIntent(
    string Id,
    string Status,
    long Amount,
    long AmountReceived,
    string Currency,
    long Created,
    string? LatestCharge,
    StripeLastPaymentError? LastPaymentError,
    Dictionary<string, string>? Metadata);

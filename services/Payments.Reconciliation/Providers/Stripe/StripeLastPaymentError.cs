namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>PaymentIntent.last_payment_error: present when the last attempt was declined.</summary>
internal sealed record StripeLastPaymentError(string? Type = null, string? Code = null);

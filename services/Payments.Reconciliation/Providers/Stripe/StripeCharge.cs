namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>The Charge fields we read (https://docs.stripe.com/api/charges/object): amount_refunded is the total so far.</summary>
internal sealed record StripeCharge(string Id, long Amount, long AmountRefunded, long Created, string Currency);

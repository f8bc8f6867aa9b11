namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>A list page (https://docs.stripe.com/api/pagination).</summary>
internal sealed record StripeList<T>(List<T> Data, bool HasMore);

namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// The event types the ingress turns into payment events (its Stripe normalizer): what an endpoint must be
/// subscribed to unless Reconciliation:Endpoints:{source}:Events says otherwise. Stripe's names,
/// https://docs.stripe.com/api/events/types.
/// </summary>
public static class ActedOnEvents
{
    public const string LiqPay = "liqpay";

    private static readonly string[] Stripe = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];

    /// <summary>LiqPay has no event types (and no endpoint API): its callback URL travels with each payment.</summary>
    public static IReadOnlyList<string> For(string provider) =>
        string.Equals(provider, LiqPay, StringComparison.OrdinalIgnoreCase) ? [] : Stripe;
}

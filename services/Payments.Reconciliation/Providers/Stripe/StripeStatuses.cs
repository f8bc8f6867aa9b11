namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>
/// A PaymentIntent's status in our terms (https://docs.stripe.com/payments/paymentintents/lifecycle). A declined
/// attempt leaves the intent in requires_payment_method with last_payment_error set: failed, though the customer may
/// retry. A refund does not change the intent; its latest charge's amount_refunded shows it. A status we do not know
/// is pending: only a status we understand may become an outcome.
/// </summary>
internal static class StripeStatuses
{
    public static ProviderStatus Map(StripePaymentIntent intent, StripeCharge? latestCharge) => intent.Status switch
    {
        "succeeded" when latestCharge is { AmountRefunded: > 0 } => ProviderStatus.Refunded,
        "succeeded" => ProviderStatus.Succeeded,
        // Canceled intents never take money (https://docs.stripe.com/api/payment_intents/cancel): for the order, a failed payment.
        "canceled" => ProviderStatus.Failed,
        "requires_payment_method" when intent.LastPaymentError is not null => ProviderStatus.Failed,
        _ => ProviderStatus.Pending,
    };

    public static ProviderPayment ToPayment(StripePaymentIntent intent, StripeCharge? latestCharge)
    {
        var status = Map(intent, latestCharge);
        return new ProviderPayment(
            intent.Id,
            intent.Metadata?.GetValueOrDefault("order_id"),
            status,
            status is ProviderStatus.Succeeded or ProviderStatus.Refunded && intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount,
            intent.Currency.ToUpperInvariant(),
            latestCharge?.AmountRefunded ?? 0,
            DateTimeOffset.FromUnixTimeSeconds(intent.Created),
            latestCharge is null ? null : DateTimeOffset.FromUnixTimeSeconds(latestCharge.Created));
    }
}

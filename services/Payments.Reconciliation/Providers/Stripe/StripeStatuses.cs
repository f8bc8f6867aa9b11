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

    /// <summary>The intent (and its latest charge) in our terms; fields out of range are refused (<see cref="ProviderAnswer"/>).</summary>
    public static ProviderPayment ToPayment(StripePaymentIntent intent, StripeCharge? latestCharge)
    {
        var status = Map(intent, latestCharge);
        var amount = ProviderAnswer.Amount(intent.Amount, "amount");
        var received = ProviderAnswer.Amount(intent.AmountReceived, "amount_received");
        var refunded = latestCharge is null ? 0 : ProviderAnswer.Amount(latestCharge.AmountRefunded, "amount_refunded");
        if (latestCharge is not null && refunded > ProviderAnswer.Amount(latestCharge.Amount, "charge amount"))
        {
            throw new ProviderRejectedException($"The provider answered a charge refunding {refunded}, more than its amount {latestCharge.Amount}.");
        }

        return new ProviderPayment(
            ProviderAnswer.Id(intent.Id, "payment intent id"),
            intent.Metadata?.GetValueOrDefault("order_id"),
            status,
            status is ProviderStatus.Succeeded or ProviderStatus.Refunded && received > 0 ? received : amount,
            ProviderAnswer.Currency(intent.Currency, "currency"),
            refunded,
            ProviderAnswer.UnixSeconds(intent.Created, "created"),
            latestCharge is null ? null : ProviderAnswer.UnixSeconds(latestCharge.Created, "charge created"));
    }
}

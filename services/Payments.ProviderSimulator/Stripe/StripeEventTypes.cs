using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>Stripe's names for what happened (https://docs.stripe.com/api/events/types).</summary>
internal static class StripeEventTypes
{
    public static string Name(PaymentEventType type) => type switch
    {
        PaymentEventType.PaymentIntentCreated => "payment_intent.created",
        PaymentEventType.PaymentIntentSucceeded => "payment_intent.succeeded",
        PaymentEventType.PaymentIntentPaymentFailed => "payment_intent.payment_failed",
        PaymentEventType.ChargeRefunded => "charge.refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

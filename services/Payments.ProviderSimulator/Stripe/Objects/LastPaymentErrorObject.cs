using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>
/// PaymentIntent.last_payment_error. Its payment_method is the whole PaymentMethod object, not an id: Stripe's typed
/// libraries (Stripe.net's PaymentIntentLastPaymentError.PaymentMethod) fail to read an id there.
/// </summary>
internal sealed record LastPaymentErrorObject(string Type, string Code, string DeclineCode, string Message, string Charge, string DocUrl, PaymentMethodObject PaymentMethod)
{
    public static LastPaymentErrorObject From(PaymentError error, DateTimeOffset created) => new(
        "card_error",
        error.Code,
        error.DeclineCode,
        error.Message,
        error.ChargeId,
        $"https://stripe.com/docs/error-codes/{error.Code.Replace('_', '-')}",
        PaymentMethodObject.From(error.PaymentMethod, created));
}

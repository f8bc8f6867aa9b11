using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>The PaymentIntent object (https://docs.stripe.com/api/payment_intents/object), the fields the sandbox models.</summary>
internal sealed record PaymentIntentObject(
    [property: JsonPropertyOrder(-2)] string Id,
    long Amount,
    long AmountReceived,
    string CaptureMethod,
    string ClientSecret,
    string ConfirmationMethod,
    long Created,
    string Currency,
    string? Description,
    LastPaymentErrorObject? LastPaymentError,
    string? LatestCharge,
    bool Livemode,
    IReadOnlyDictionary<string, string> Metadata,
    string? PaymentMethod,
    IReadOnlyList<string> PaymentMethodTypes,
    PaymentStatus Status)
{
    [JsonPropertyOrder(-1)]
    public string Object => "payment_intent";

    public static PaymentIntentObject From(Payment payment) => new(
        payment.Id,
        payment.Amount,
        payment.Status == PaymentStatus.Succeeded ? payment.Amount : 0,
        "automatic",
        payment.ClientSecret,
        "automatic",
        payment.Created.ToUnixTimeSeconds(),
        payment.Currency,
        payment.Description,
        payment.LastError is { } error ? LastPaymentErrorObject.From(error, payment.Created) : null,
        payment.LatestChargeId,
        Livemode: false,
        payment.Metadata,
        payment.PaymentMethod,
        ["card"],
        payment.Status);
}

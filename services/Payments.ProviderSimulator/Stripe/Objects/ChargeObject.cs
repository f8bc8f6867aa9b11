using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>
/// The Charge object (https://docs.stripe.com/api/charges/object); charge.refunded carries it, with amount_refunded
/// the total refunded so far.
/// </summary>
internal sealed record ChargeObject(
    [property: JsonPropertyOrder(-2)] string Id,
    long Amount,
    long AmountCaptured,
    long AmountRefunded,
    bool Captured,
    long Created,
    string Currency,
    string? FailureCode,
    string? FailureMessage,
    bool Livemode,
    IReadOnlyDictionary<string, string> Metadata,
    bool Paid,
    string PaymentIntent,
    string PaymentMethod,
    bool Refunded,
    ChargeStatus Status)
{
    [JsonPropertyOrder(-1)]
    public string Object => "charge";

    public static ChargeObject From(Charge charge)
    {
        var succeeded = charge.Status == ChargeStatus.Succeeded;
        return new ChargeObject(
            charge.Id,
            charge.Amount,
            succeeded ? charge.Amount : 0,
            charge.AmountRefunded,
            succeeded,
            charge.Created.ToUnixTimeSeconds(),
            charge.Currency,
            charge.Failure?.Code,
            charge.Failure?.Message,
            Livemode: false,
            charge.Metadata,
            succeeded,
            charge.PaymentIntentId,
            charge.PaymentMethod,
            succeeded && charge.AmountRefunded == charge.Amount,
            charge.Status);
    }
}

using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>The Refund object (https://docs.stripe.com/api/refunds/object); sandbox refunds succeed at once.</summary>
internal sealed record RefundObject(
    [property: JsonPropertyOrder(-2)] string Id,
    long Amount,
    string Charge,
    long Created,
    string Currency,
    IReadOnlyDictionary<string, string> Metadata,
    string PaymentIntent,
    string? Reason,
    string Status)
{
    [JsonPropertyOrder(-1)]
    public string Object => "refund";

    public static RefundObject From(Refund refund) => new(
        refund.Id,
        refund.Amount,
        refund.ChargeId,
        refund.Created.ToUnixTimeSeconds(),
        refund.Currency,
        refund.Metadata,
        refund.PaymentIntentId,
        Reason: null,
        "succeeded");
}

using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>A test card PaymentMethod (https://docs.stripe.com/api/payment_methods/object), minimal.</summary>
internal sealed record PaymentMethodObject([property: JsonPropertyOrder(-2)] string Id, string Type, CardObject Card, long Created, bool Livemode)
{
    [JsonPropertyOrder(-1)]
    public string Object => "payment_method";

    public static PaymentMethodObject From(string id, DateTimeOffset created)
    {
        var card = TestPaymentMethods.Find(id);
        return new PaymentMethodObject(
            id,
            "card",
            new CardObject(card?.Brand ?? "visa", card?.Last4 ?? "4242", 12, created.Year + 3, "credit", "US"),
            created.ToUnixTimeSeconds(),
            Livemode: false);
    }
}

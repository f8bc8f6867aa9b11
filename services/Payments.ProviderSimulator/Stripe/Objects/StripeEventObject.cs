using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>The Event object (https://docs.stripe.com/api/events/object) that webhooks to Stripe receivers carry.</summary>
internal sealed record StripeEventObject(
    [property: JsonPropertyOrder(-2)] string Id,
    string ApiVersion,
    long Created,
    StripeEventData Data,
    bool Livemode,
    int PendingWebhooks,
    StripeEventRequest Request,
    string Type)
{
    [JsonPropertyOrder(-1)]
    public string Object => "event";

    public static StripeEventObject From(PaymentEvent @event, string apiVersion) => new(
        @event.Id,
        apiVersion,
        @event.Created.ToUnixTimeSeconds(),
        new StripeEventData(@event.Type == PaymentEventType.ChargeRefunded
            ? ChargeObject.From(@event.Charge!)
            : PaymentIntentObject.From(@event.Payment)),
        Livemode: false,
        PendingWebhooks: 1,
        new StripeEventRequest(null, null),
        StripeEventTypes.Name(@event.Type));
}

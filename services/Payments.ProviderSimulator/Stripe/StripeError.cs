using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Stripe.Objects;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// The error object (https://docs.stripe.com/api/errors): type is api_error, card_error, idempotency_error or
/// invalid_request_error; absent fields are left out, as Stripe does.
/// </summary>
internal sealed record StripeError(string Type, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeclineCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Param { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DocUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Charge { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentIntentObject? PaymentIntent { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethodObject? PaymentMethod { get; init; }
}

using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>
/// The WebhookEndpoint object (https://docs.stripe.com/api/webhook_endpoints/object). Like Stripe, the signing secret
/// is in the answer to the create call only.
/// </summary>
internal sealed record WebhookEndpointObject(
    [property: JsonPropertyOrder(-2)] string Id,
    string ApiVersion,
    long Created,
    string? Description,
    IReadOnlyList<string> EnabledEvents,
    bool Livemode,
    IReadOnlyDictionary<string, string> Metadata,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret,
    string Status,
    string Url)
{
    [JsonPropertyOrder(-1)]
    public string Object => "webhook_endpoint";

    public static WebhookEndpointObject From(WebhookTarget target, string apiVersion, bool withSecret) => new(
        target.Id,
        apiVersion,
        target.Created.ToUnixTimeSeconds(),
        target.Description,
        target.EnabledEvents,
        Livemode: false,
        target.Metadata,
        withSecret ? target.Secret : null,
        target.Disabled ? "disabled" : "enabled",
        target.Url);
}

using System.Text.Json.Serialization;

namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// A receiver as /sim/endpoints shows it. The signing secret is in the answer to the registration only (as Stripe
/// shows a webhook endpoint's), and never when it is the LiqPay merchant's private key: that is configuration, and
/// whoever holds an admin key has no business reading it.
/// </summary>
internal sealed record TargetView(
    string Id,
    string Scheme,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret,
    IReadOnlyList<string> EnabledEvents,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset Created,
    TargetOrigin Origin,
    bool Disabled)
{
    public static TargetView Listed(WebhookTarget target) => From(target, secret: null);

    /// <param name="secretGiven">Whether the caller chose the secret (else it was generated, or is LiqPay's private key).</param>
    public static TargetView Registered(WebhookTarget target, bool secretGiven) =>
        From(target, secretGiven || target.Scheme != WebhookSchemes.LiqPay ? target.Secret : null);

    private static TargetView From(WebhookTarget target, string? secret) => new(
        target.Id, target.Scheme, target.Url, secret, target.EnabledEvents, target.Description, target.Metadata, target.Created, target.Origin, target.Disabled);
}

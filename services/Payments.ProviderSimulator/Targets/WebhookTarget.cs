namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// A receiver of webhooks in one scheme. Stripe receivers get the event types in <paramref name="EnabledEvents"/>
/// ("*" for all, as in Stripe); LiqPay and Standard Webhooks receivers get every payment outcome their scheme has.
/// The state file keeps it whole; answers show a <see cref="TargetView"/>, without the secret. A disabled receiver
/// (Stripe's status "disabled", https://docs.stripe.com/api/webhook_endpoints/update#update_webhook_endpoint-disabled)
/// is kept but sent nothing.
/// </summary>
internal sealed record WebhookTarget(
    string Id,
    string Scheme,
    string Url,
    string Secret,
    IReadOnlyList<string> EnabledEvents,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset Created,
    TargetOrigin Origin,
    bool Disabled = false)
{
    public bool Wants(string stripeEventType) =>
        EnabledEvents.Count == 0 || EnabledEvents.Contains("*") || EnabledEvents.Contains(stripeEventType);
}

namespace Payments.Reconciliation.Endpoints;

/// <summary>A webhook endpoint as the provider lists it (https://docs.stripe.com/api/webhook_endpoints/object).</summary>
public sealed record RegisteredEndpoint(
    string Id,
    string Url,
    string Status,
    List<string> EnabledEvents,
    Dictionary<string, string>? Metadata,
    string? Secret = null)
{
    /// <summary>Metadata key the registration command sets, so an endpoint whose URL changed is still known as ours.</summary>
    public const string SourceKey = "payments_source";

    public bool IsEnabled => string.Equals(Status, "enabled", StringComparison.Ordinal);

    public bool Covers(string eventType) => EnabledEvents.Contains("*") || EnabledEvents.Contains(eventType);
}

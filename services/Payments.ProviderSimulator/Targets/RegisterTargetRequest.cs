namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// POST /sim/endpoints: {"scheme": "stripe" | "liqpay" | "standard-webhooks", "url": "...", "secret": optional,
/// "enabled_events": optional Stripe event types, "description": optional}.
/// </summary>
internal sealed record RegisterTargetRequest(string? Scheme, string? Url, string? Secret, List<string>? EnabledEvents, string? Description);

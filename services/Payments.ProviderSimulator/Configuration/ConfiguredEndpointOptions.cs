namespace Payments.ProviderSimulator.Configuration;

/// <summary>
/// Simulator:Endpoints:{name}: a receiver that exists from start-up (e.g. the ingress in a demo). Scheme is
/// stripe, liqpay or standard-webhooks. Secret is required (the receiver must know it) except for liqpay, where the
/// merchant's private key, Simulator:LiqPay:PrivateKey, is the default.
/// </summary>
public sealed class ConfiguredEndpointOptions
{
    public string Scheme { get; set; } = "";

    public string Url { get; set; } = "";

    public string? Secret { get; set; }

    /// <summary>Stripe event types to send (default all, "*"); other schemes receive every payment outcome.</summary>
    public List<string> EnabledEvents { get; set; } = [];
}

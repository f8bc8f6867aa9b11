using Payments.Ingress.Limits;

namespace Payments.Ingress.Webhooks;

/// <summary>Ingress:Sources:{name}. Secrets is a list so a secret can be rotated without downtime: any one verifying is enough.</summary>
public sealed class WebhookSourceOptions
{
    public string Scheme { get; set; } = "";

    public List<string> Secrets { get; set; } = [];

    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Ingress:Sources:{name}:AllowSandbox: whether a provider's test-mode outcome (LiqPay status "sandbox") counts as
    /// a payment. No money moves in a sandbox payment, so only a development or staging source may set it.
    /// </summary>
    public bool AllowSandbox { get; set; }

    public SourceRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Ingress:Sources:{name}:AllowedNetworks: CIDRs (IPv4 or IPv6, e.g. 3.18.12.63/32, 2001:db8::/32) the provider
    /// sends from; a request from elsewhere is answered 403 before its body is read. Empty: any address.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}

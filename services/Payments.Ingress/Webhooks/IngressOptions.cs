namespace Payments.Ingress.Webhooks;

/// <summary>The "Ingress" configuration section.</summary>
public sealed class IngressOptions
{
    public const string SectionName = "Ingress";

    /// <summary>Ingress:Sources:{name}; the name is the {source} in POST /webhooks/{source} (case-insensitive).</summary>
    public Dictionary<string, WebhookSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ingress:MaxBodyBytes: larger bodies are answered 413 without being read. Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Ingress:ResponseBudget: every webhook is answered within this time from the start of its handling. Providers
    /// give up after a few seconds (Stripe counts that as a failed delivery and in the end disables the endpoint), so
    /// a broker that has not confirmed by then is answered 503 + Retry-After: a retry the provider schedules, not a
    /// timeout it holds against us. Ingress:Broker:ConfirmTimeout may not exceed it.
    /// </summary>
    public TimeSpan ResponseBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Ingress:KnownProxies: addresses of our own reverse proxies. Only from them are X-Forwarded-For/-Proto believed
    /// (the client address a source's AllowedNetworks is checked against); from anyone else they are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

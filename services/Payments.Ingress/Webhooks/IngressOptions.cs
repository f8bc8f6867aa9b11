namespace Payments.Ingress.Webhooks;

/// <summary>The "Ingress" configuration section.</summary>
public sealed class IngressOptions
{
    public const string SectionName = "Ingress";

    /// <summary>Ingress:Sources:{name}; the name is the {source} in POST /webhooks/{source} (case-insensitive).</summary>
    public Dictionary<string, WebhookSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ingress:MaxBodyBytes: larger bodies are answered 413 without being read. Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}

namespace Payments.Ingress.Webhooks;

/// <summary>Ingress:Sources:{name}. Secrets is a list so a secret can be rotated without downtime: any one verifying is enough.</summary>
public sealed class WebhookSourceOptions
{
    public string Scheme { get; set; } = "";

    public List<string> Secrets { get; set; } = [];

    public int ToleranceSeconds { get; set; } = 300;
}

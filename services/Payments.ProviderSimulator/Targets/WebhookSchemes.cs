namespace Payments.ProviderSimulator.Targets;

/// <summary>The signing schemes the simulator sends in, named as the ingress names them.</summary>
internal static class WebhookSchemes
{
    public const string Stripe = "stripe";
    public const string LiqPay = "liqpay";
    public const string StandardWebhooks = "standard-webhooks";

    public static readonly IReadOnlyList<string> All = [Stripe, LiqPay, StandardWebhooks];

    public static bool IsKnown(string? scheme) => scheme is Stripe or LiqPay or StandardWebhooks;
}

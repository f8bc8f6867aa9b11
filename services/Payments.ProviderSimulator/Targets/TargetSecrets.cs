using System.Security.Cryptography;
using Payments.ProviderSimulator.StandardWebhooks;

namespace Payments.ProviderSimulator.Targets;

/// <summary>Signing secrets per scheme: checked when given, generated in the scheme's own format when not.</summary>
internal static class TargetSecrets
{
    /// <summary>What is wrong with a given secret, or null when it is usable (or absent, and so will be generated).</summary>
    public static string? Problem(string scheme, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return scheme == WebhookSchemes.StandardWebhooks && !StandardWebhooksSignature.TryDecodeSecret(secret, out _)
            ? "must be 'whsec_' followed by the base64 of the key bytes (Standard Webhooks secrets)."
            : null;
    }

    /// <summary>
    /// The secret to sign with: the one given, else a new Stripe-style whsec_ string, a new Standard Webhooks key
    /// (whsec_ + base64 of 32 random bytes), or for LiqPay the merchant's private key (LiqPay signs with nothing else).
    /// </summary>
    public static string Resolve(string scheme, string? secret, string liqPayPrivateKey) =>
        !string.IsNullOrEmpty(secret) ? secret
        : scheme switch
        {
            WebhookSchemes.Stripe => Ids.New("whsec", 32),
            WebhookSchemes.StandardWebhooks => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            _ => liqPayPrivateKey,
        };
}

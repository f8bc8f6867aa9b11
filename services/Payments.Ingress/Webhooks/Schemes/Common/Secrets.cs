namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>Key derivation shared by the schemes that use the configured secret text itself as the key.</summary>
internal static class Secrets
{
    /// <summary>The secret's UTF-8 bytes; the message names the scheme, never the secret.</summary>
    public static byte[] Utf8(string secret, string scheme)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new FormatException($"A {scheme} secret must not be empty.");
        }

        return System.Text.Encoding.UTF8.GetBytes(secret);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Payments.ProviderSimulator.StandardWebhooks;

/// <summary>
/// Standard Webhooks symmetric signatures (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme):
/// "v1," + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")), the key being the base64-decoded
/// part of the "whsec_…" secret.
/// </summary>
internal static class StandardWebhooksSignature
{
    private const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        if (!TryDecodeSecret(secret, out var key))
        {
            throw new FormatException("A Standard Webhooks secret is 'whsec_' followed by base64 key bytes.");
        }

        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>The key bytes of "whsec_" + base64 (the prefix is optional, as in the reference libraries).</summary>
    public static bool TryDecodeSecret(string secret, out byte[] key)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        var decoded = Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0;
        key = decoded ? buffer[..written] : [];
        return decoded;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Payments.Ingress.Tests.Signing;

/// <summary>
/// Signs requests the way each provider does, written from the providers' documentation independently of the
/// production verifiers (so a shared misunderstanding would have to be made twice).
/// </summary>
public static class TestSigner
{
    public static string Stripe(string secret, long timestamp, string body) =>
        $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")))}";

    public static string StandardWebhooks(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    public static string GitHub(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static (string Data, string Signature) LiqPay(string privateKey, string json)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        var signature = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(privateKey + data + privateKey)));
        return (data, signature);
    }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}

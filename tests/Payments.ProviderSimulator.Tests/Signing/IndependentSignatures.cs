using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Payments.ProviderSimulator.Tests.Signing;

/// <summary>
/// Each provider's signature computed from its documentation, independently of the simulator's signers, so a shared
/// misunderstanding would have to be made twice.
/// </summary>
public static class IndependentSignatures
{
    /// <summary>
    /// Verifies a Stripe-Signature header as https://docs.stripe.com/webhooks#verify-manually describes: split on ',',
    /// take t and every v1, HMAC-SHA256 "{t}.{body}" keyed with the secret's UTF-8 bytes, compare hex.
    /// </summary>
    public static bool StripeVerifies(string header, string secret, byte[] body, out long timestamp)
    {
        var elements = header.Split(',').Select(e => e.Split('=', 2)).ToList();
        timestamp = long.Parse(elements.Single(e => e[0] == "t")[1], CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return elements.Where(e => e[0] == "v1").Any(e => e[1] == expected);
    }

    /// <summary>https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme</summary>
    public static string StandardWebhooks(string secret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>https://www.liqpay.ua/en/doc/callback: base64_encode(sha1(private_key . data . private_key, 1)).</summary>
    public static string LiqPay(string privateKey, string data) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(privateKey + data + privateKey)));
}

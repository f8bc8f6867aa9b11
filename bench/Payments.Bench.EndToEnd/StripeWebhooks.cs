using System.Security.Cryptography;
using System.Text;

namespace Payments.Bench.EndToEnd;

/// <summary>payment_intent.succeeded for order n, signed as Stripe signs (HMAC-SHA256 over "{t}.{body}", key = the whole whsec_ secret).</summary>
internal static class StripeWebhooks
{
    public static Guid OrderId(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:x12}");

    public static HttpRequestMessage Succeeded(string url, string secret, int n)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = $$"""{"id":"evt_e2e_{{n}}","object":"event","type":"payment_intent.succeeded","created":{{t}},"data":{"object":{"id":"pi_{{n}}","object":"payment_intent","amount":4200,"currency":"eur","status":"succeeded","metadata":{"order_id":"{{OrderId(n)}}"} } } }""";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={t},v1={signature}");
        return request;
    }
}

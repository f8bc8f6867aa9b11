using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payments.Testing.Webhooks;

/// <summary>
/// A Stripe payment_intent.succeeded event for one of our orders, signed as Stripe signs
/// (https://docs.stripe.com/webhooks#verify-manually): HMAC-SHA256 over "{t}.{body}", keyed with the whole whsec_ secret.
/// </summary>
public static class StripeWebhook
{
    /// <param name="ingressUrl">Prefixed to /webhooks/stripe; empty for a client whose BaseAddress is the ingress.</param>
    public static HttpRequestMessage PaymentSucceeded(Guid orderId, string paymentId, long amountMinor, string currency, string secret, string ingressUrl = "")
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = JsonSerializer.Serialize(new
        {
            id = "evt_" + Guid.NewGuid().ToString("N"),
            @object = "event",
            type = "payment_intent.succeeded",
            created,
            data = new
            {
                @object = new
                {
                    id = paymentId,
                    @object = "payment_intent",
                    amount = amountMinor,
                    currency = currency.ToLowerInvariant(),
                    metadata = new { order_id = orderId },
                },
            },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ingressUrl}/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{created}.{body}"));
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            $"t={created.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(signature)}");
        return request;
    }
}

using System.Net.Http.Headers;
using System.Text;
using Payments.Ingress.Tests.Signing;

namespace Payments.Ingress.Tests.Infrastructure;

/// <summary>Signed (or deliberately mis-signed) requests for each configured test source.</summary>
public static class WebhookRequests
{
    public static string StripePaymentIntent(string type = "payment_intent.succeeded", string? eventId = null, long amount = 4200, string orderId = "order-1") =>
        $$"""{"id":"{{eventId ?? "evt_" + Guid.NewGuid().ToString("N")}}","object":"event","type":"{{type}}","created":{{TestSigner.Now}},"data":{"object":{"id":"pi_{{Guid.NewGuid():N}}","object":"payment_intent","amount":{{amount}},"currency":"eur","metadata":{"order_id":"{{orderId}}"} } } }""";

    public static HttpRequestMessage Stripe(string body, string secret = TestSecrets.Stripe, long? timestamp = null, string source = "stripe")
    {
        var request = Json($"/webhooks/{source}", body);
        request.Headers.TryAddWithoutValidation("Stripe-Signature", TestSigner.Stripe(secret, timestamp ?? TestSigner.Now, body));
        return request;
    }

    public static string StandardPayment(string type = "payment.succeeded", long amount = 1999) =>
        $$"""{"type":"{{type}}","timestamp":"{{DateTimeOffset.UtcNow:O}}","data":{"payment_id":"pay_{{Guid.NewGuid():N}}","order_id":"order-7","amount":{{amount}},"currency":"USD"} }""";

    public static HttpRequestMessage Standard(string body, string secret = TestSecrets.StandardWebhooks, long? timestamp = null, string? id = null)
    {
        var request = Json("/webhooks/acme", body);
        var ts = timestamp ?? TestSigner.Now;
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", ts.ToString());
        request.Headers.TryAddWithoutValidation("webhook-signature", TestSigner.StandardWebhooks(secret, id, ts, body));
        return request;
    }

    public static HttpRequestMessage GitHub(string body, string secret = TestSecrets.GitHub)
    {
        var request = Json("/webhooks/hub", body);
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", TestSigner.GitHub(secret, body));
        request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", Guid.NewGuid().ToString());
        return request;
    }

    public static string LiqPayPayment(string status = "success", long paymentId = 1000001) =>
        $$"""{"action":"pay","payment_id":{{paymentId}},"status":"{{status}}","order_id":"order-9","amount":12.5,"currency":"UAH","end_date":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""";

    public static HttpRequestMessage LiqPay(string json, string privateKey = TestSecrets.LiqPay)
    {
        var (data, signature) = TestSigner.LiqPay(privateKey, json);
        return new HttpRequestMessage(HttpMethod.Post, "/webhooks/liqpay")
        {
            Content = new FormUrlEncodedContent([new("data", data), new("signature", signature)]),
        };
    }

    public static HttpRequestMessage Json(string path, string body) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}

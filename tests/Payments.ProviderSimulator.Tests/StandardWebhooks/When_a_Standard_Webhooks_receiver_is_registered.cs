using System.Globalization;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;
using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.StandardWebhooks;

/// <summary>The same payment flow seen by a Standard Webhooks receiver: webhook-id/-timestamp/-signature and the payment body schema.</summary>
public sealed class When_a_Standard_Webhooks_receiver_is_registered : WebhookFlowTest
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";


    [Fact]
    public async Task Should_send_signed_succeeded_and_refunded_messages()
    {
        await App.Sim().RegisterEndpointAsync("standard-webhooks", Receiver.Url("acme"), Secret);
        var intent = await StripeApi.PostAsync("/v1/payment_intents",
        [
            ("amount", 4200), ("currency", "eur"), ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-sw-1" }),
            ("payment_method", "pm_card_visa"), ("confirm", true),
        ]);
        await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id), ("amount", 1200)]);

        var messages = await Receiver.WaitForAsync("acme", 2, "the succeeded and refunded messages");

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var message in messages)
        {
            var id = message.Header("webhook-id");
            var timestamp = long.Parse(message.Header("webhook-timestamp"), CultureInfo.InvariantCulture);
            id.ShouldStartWith("msg_");
            timestamp.ShouldBeInRange(now - 60, now + 1);
            message.Header("webhook-signature").Split(' ')
                .ShouldContain(IndependentSignatures.StandardWebhooks(Secret, id, timestamp, message.Body));
        }

        // Concurrent sending gives no order guarantee (nor does any real provider): match messages by type.
        var bodies = messages.Select(m => JsonDocument.Parse(m.Body).RootElement).ToDictionary(b => b.GetProperty("type").GetString()!);
        bodies.Keys.ShouldBe(["payment.succeeded", "payment.refunded"], ignoreOrder: true);
        bodies["payment.succeeded"].GetProperty("data").GetProperty("amount").GetInt64().ShouldBe(4200);
        bodies["payment.refunded"].GetProperty("data").GetProperty("amount").GetInt64().ShouldBe(1200);
        foreach (var body in bodies.Values)
        {
            DateTimeOffset.Parse(body.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ShouldBeInRange(
                DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
            var data = body.GetProperty("data");
            data.GetProperty("payment_id").GetString().ShouldBe(intent.Id);
            data.GetProperty("order_id").GetString().ShouldBe("order-sw-1");
            data.GetProperty("currency").GetString().ShouldBe("EUR");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Ingress.Webhooks;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[Collection(BrokerCollection.Name)]
public sealed class When_a_signed_webhook_arrives(RabbitMqFixture broker) : IngressTest(broker)
{
    [Fact]
    public async Task Should_answer_202_only_with_exactly_one_durable_message_in_the_queue()
    {
        var body = WebhookRequests.StripePaymentIntent(eventId: "evt_durable_1", amount: 4200, orderId: "order-42");

        var response = await Client.SendAsync(WebhookRequests.Stripe(body), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<WebhookAccepted>(TestContext.Current.CancellationToken);
        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);

        var message = (await Broker.GetAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        message.Properties.Persistent.ShouldBeTrue();
        message.Properties.MessageId.ShouldBe(accepted!.EventId.ToString());
        message.Properties.ContentType.ShouldBe("application/vnd.masstransit+json");

        using var envelope = JsonDocument.Parse(message.Body);
        envelope.RootElement.GetProperty("messageType")[0].GetString().ShouldBe("urn:message:Payments.Contracts:PaymentEventReceived");
        var @event = envelope.RootElement.GetProperty("message");
        @event.GetProperty("eventId").GetGuid().ShouldBe(accepted.EventId);
        @event.GetProperty("kind").GetString().ShouldBe("Succeeded");
        @event.GetProperty("provider").GetString().ShouldBe("stripe");
        @event.GetProperty("providerEventId").GetString().ShouldBe("evt_durable_1");
        @event.GetProperty("orderId").GetString().ShouldBe("order-42");
        @event.GetProperty("amountMinor").GetInt64().ShouldBe(4200);
        @event.GetProperty("currency").GetString().ShouldBe("EUR");
    }

    [Theory]
    [InlineData("stripe")]
    [InlineData("acme")]
    [InlineData("liqpay")]
    [InlineData("hub")]
    public async Task Should_accept_every_scheme(string source)
    {
        using var request = source switch
        {
            "stripe" => WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()),
            "acme" => WebhookRequests.Standard(WebhookRequests.StandardPayment()),
            "liqpay" => WebhookRequests.LiqPay(WebhookRequests.LiqPayPayment()),
            _ => WebhookRequests.GitHub(WebhookRequests.StandardPayment()),
        };

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);
    }

    [Fact]
    public async Task Should_accept_a_secret_being_rotated_in()
    {
        var response = await Client.SendAsync(
            WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), TestSecrets.StripeRotated), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Should_give_a_redelivered_webhook_the_same_event_id()
    {
        var body = WebhookRequests.StripePaymentIntent(eventId: "evt_redelivered");

        var first = await Client.SendAsync(WebhookRequests.Stripe(body), TestContext.Current.CancellationToken);
        var second = await Client.SendAsync(WebhookRequests.Stripe(body), TestContext.Current.CancellationToken);

        var a = await first.Content.ReadFromJsonAsync<WebhookAccepted>(TestContext.Current.CancellationToken);
        var b = await second.Content.ReadFromJsonAsync<WebhookAccepted>(TestContext.Current.CancellationToken);
        a!.EventId.ShouldBe(b!.EventId);
    }

    [Fact]
    public async Task Should_give_a_github_style_replay_under_a_new_delivery_id_the_same_event_id()
    {
        var body = WebhookRequests.StandardPayment();

        var first = await Client.SendAsync(WebhookRequests.GitHub(body), TestContext.Current.CancellationToken);
        var replay = await Client.SendAsync(WebhookRequests.GitHub(body), TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var a = await first.Content.ReadFromJsonAsync<WebhookAccepted>(TestContext.Current.CancellationToken);
        var b = await replay.Content.ReadFromJsonAsync<WebhookAccepted>(TestContext.Current.CancellationToken);
        a!.EventId.ShouldBe(b!.EventId);
    }

    [Fact]
    public async Task Should_accept_a_sandbox_payment_where_the_source_allows_sandbox()
    {
        await using var app = new IngressApp(Broker.AmqpUri, new Dictionary<string, string?> { ["Ingress:Sources:liqpay:AllowSandbox"] = "true" });
        var client = await app.ReadyClientAsync();

        var response = await client.SendAsync(WebhookRequests.LiqPay(WebhookRequests.LiqPayPayment(status: "sandbox")), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Broker.MessageCountAsync(app.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);
        await Broker.DeleteQueueAsync(app.Queue, TestContext.Current.CancellationToken);
    }
}

using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class BrokerOutageCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker-outage";
}

/// <summary>Providers retry on 503: nothing may be acknowledged while the broker cannot make it durable.</summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class When_the_broker_is_down(RabbitMqFixture broker) : IAsyncLifetime
{
    private readonly IngressApp _app = new(broker.AmqpUri);
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_answer_503_with_retry_after_then_recover_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await broker.StopAsync(ct);

        var during = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct);
        during.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        during.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        during.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await broker.StartAsync(ct);
        (await broker.MessageCountAsync(_app.Queue, TestContext.Current.CancellationToken)).ShouldBe(0u, "the webhook answered 503 must not have been enqueued");

        HttpStatusCode last = default;
        await Eventually.TrueAsync(async () =>
        {
            last = (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)).StatusCode;
            return last == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(60), "the ingress to accept webhooks again after the broker restarted", ct);
        (await broker.MessageCountAsync(_app.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);
    }
}

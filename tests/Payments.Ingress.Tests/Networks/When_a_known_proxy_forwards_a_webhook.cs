using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;
using Payments.Testing.Services;

namespace Payments.Ingress.Tests.Networks;

/// <summary>Loopback is Ingress:KnownProxies: its X-Forwarded-For is the client address the networks are checked against.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_known_proxy_forwards_a_webhook(RabbitMqFixture broker) : IAsyncLifetime
{
    private readonly string _queue = $"ingress-proxied-{Guid.NewGuid():N}";
    private ServiceProcess _ingress = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _ingress = IngressProcess.Create(broker.AmqpUri, _queue, knownProxy: "127.0.0.1");
        await _ingress.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri(_ingress.BaseUrl) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _ingress.DisposeAsync();
        await broker.DeleteQueueAsync(_queue, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_accept_it_when_the_forwarded_client_is_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Forwarded);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", IngressProcess.ForwardedClient);

        var response = await _client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        (await broker.MessageCountAsync(_queue, ct)).ShouldBe(1u);
    }

    [Fact]
    public async Task Should_refuse_it_when_the_forwarded_client_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Inside);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.20");

        var response = await _client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await broker.MessageCountAsync(_queue, ct)).ShouldBe(0u);
    }
}

using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Networks;

/// <summary>Loopback is Ingress:KnownProxies: its X-Forwarded-For is the client address the networks are checked against.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_known_proxy_forwards_a_webhook(RabbitMqFixture broker) : IAsyncLifetime
{
    private IngressProcess _ingress = null!;

    public async ValueTask InitializeAsync() => _ingress = await IngressProcess.StartAsync(broker, knownProxy: "127.0.0.1");

    public async ValueTask DisposeAsync() => await _ingress.DisposeAsync();

    [Fact]
    public async Task Should_accept_it_when_the_forwarded_client_is_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Forwarded);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", IngressProcess.ForwardedClient);

        var response = await _ingress.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        (await _ingress.PublishedAsync(ct)).ShouldBe(1u);
    }

    [Fact]
    public async Task Should_refuse_it_when_the_forwarded_client_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Inside);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.20");

        var response = await _ingress.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _ingress.PublishedAsync(ct)).ShouldBe(0u);
    }
}

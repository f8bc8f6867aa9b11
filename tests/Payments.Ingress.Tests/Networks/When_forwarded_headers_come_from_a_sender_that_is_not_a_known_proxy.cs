using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Networks;

/// <summary>
/// A proxy is known (10.9.9.9), but the request comes from loopback: its X-Forwarded-For is ignored, and the sender's
/// own address decides, whether the forwarded address would have let it in or kept it out.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_forwarded_headers_come_from_a_sender_that_is_not_a_known_proxy(RabbitMqFixture broker) : IAsyncLifetime
{
    private IngressProcess _ingress = null!;

    public async ValueTask InitializeAsync() => _ingress = await IngressProcess.StartAsync(broker, knownProxy: "10.9.9.9");

    public async ValueTask DisposeAsync() => await _ingress.DisposeAsync();

    [Fact]
    public async Task Should_refuse_it_when_only_the_forwarded_address_is_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Forwarded);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", IngressProcess.ForwardedClient);

        var response = await _ingress.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _ingress.PublishedAsync(ct)).ShouldBe(0u);
    }

    [Fact]
    public async Task Should_accept_it_when_its_own_address_is_allowed_whatever_it_forwards()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Inside);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.20");

        var response = await _ingress.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        (await _ingress.PublishedAsync(ct)).ShouldBe(1u);
    }
}

using System.Net;
using System.Text.Json;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Ingress.Tests.Limits;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Networks;

/// <summary>No proxy is known: the connection's address decides, and X-Forwarded-For changes nothing.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_webhook_comes_from_outside_the_allowed_networks(RabbitMqFixture broker) : IAsyncLifetime
{
    private IngressProcess _ingress = null!;

    public async ValueTask InitializeAsync() => _ingress = await IngressProcess.StartAsync(broker, knownProxy: null);

    public async ValueTask DisposeAsync() => await _ingress.DisposeAsync();

    [Fact]
    public async Task Should_answer_403_and_publish_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        var response = await _ingress.Client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Outside), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        problem.RootElement.GetProperty("reason").GetString().ShouldBe("network_not_allowed");
        (await _ingress.PublishedAsync(ct)).ShouldBe(0u);
    }

    [Fact]
    public async Task Should_answer_403_before_reading_the_body()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = new Uri(_ingress.Process.BaseUrl);
        // A body announced at 20 kB and sent at 1 kB/s: 20 s to read it. The refusal comes from the headers alone.
        var prefix = $"POST /webhooks/{IngressProcess.Outside} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n"
            + "Stripe-Signature: t=1,v1=00\r\nContent-Length: 20000\r\n\r\n";

        var (head, elapsed) = await SlowClient.AnswerWhileTricklingAsync(server, prefix, new byte[20000], bytesPerSecond: 1000, ct);

        head.ShouldStartWith("HTTP/1.1 403", customMessage: head);
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), "answered from the headers, while the body was still arriving");
        (await _ingress.PublishedAsync(ct)).ShouldBe(0u);
    }

    [Fact]
    public async Task Should_accept_it_from_inside()
    {
        var ct = TestContext.Current.CancellationToken;

        var response = await _ingress.Client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Inside), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        (await _ingress.PublishedAsync(ct)).ShouldBe(1u);
    }

    [Fact]
    public async Task Should_ignore_a_forwarded_address_from_an_unknown_proxy()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: IngressProcess.Forwarded);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", IngressProcess.ForwardedClient);

        var response = await _ingress.Client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _ingress.PublishedAsync(ct)).ShouldBe(0u);
    }
}

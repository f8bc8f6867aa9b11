using System.Net;
using System.Text;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Limits;

/// <summary>
/// The ingress on a real Kestrel socket, with Kestrel:Limits set short: a client that trickles its headers or body, or
/// idles after a response, is cut off within the configured limit (Kestrel checks once a second), whereas Kestrel's own
/// defaults (30 s for headers, 240 B/s for bodies, 130 s keep-alive) would let it stay.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_client_sends_slowly(RabbitMqFixture broker) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Kestrel:Limits:RequestHeadersTimeout"] = "00:00:02",
        ["Kestrel:Limits:KeepAliveTimeout"] = "00:00:02",
        ["Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond"] = "1000",
        ["Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"] = "00:00:02",
        ["Kestrel:Limits:MaxRequestHeaderCount"] = "20",
    });

    private Uri _server = null!;

    public async ValueTask InitializeAsync() => _server = await _app.StartOnSocketAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await broker.DeleteQueueAsync(_app.Queue, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_cut_a_client_that_sends_its_headers_byte_by_byte()
    {
        var prefix = $"POST /webhooks/stripe HTTP/1.1\r\nHost: {_server.Authority}\r\n";
        var slowHeader = Encoding.ASCII.GetBytes("X-Slow: " + new string('a', 1000));

        var cut = await SlowClient.TimeUntilCutAsync(_server, prefix, slowHeader, bytesPerSecond: 10, Limit + Slack + Slack, TestContext.Current.CancellationToken);

        cut.ShouldNotBeNull("the connection was still open");
        cut.Value.ShouldBeInRange(Limit - TimeSpan.FromMilliseconds(500), Limit + Slack);
    }

    [Fact]
    public async Task Should_cut_a_client_that_sends_its_body_byte_by_byte_below_the_minimum_rate()
    {
        const int length = 4000; // under Ingress:MaxBodyBytes, so the endpoint reads it
        var prefix = $"POST /webhooks/stripe HTTP/1.1\r\nHost: {_server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";

        // 500 B/s: above Kestrel's default minimum (240 B/s), below the configured 1000 B/s.
        var cut = await SlowClient.TimeUntilCutAsync(_server, prefix, new byte[length], bytesPerSecond: 500, Limit + Slack + Slack, TestContext.Current.CancellationToken);

        cut.ShouldNotBeNull("the connection was still open");
        cut.Value.ShouldBeLessThanOrEqualTo(Limit + Slack);
    }

    [Fact]
    public async Task Should_close_a_connection_left_idle_after_a_response()
    {
        var request = $"GET /health/live HTTP/1.1\r\nHost: {_server.Authority}\r\n\r\n";

        var cut = await SlowClient.TimeUntilCutAsync(_server, request, [], bytesPerSecond: 1, Limit + Slack + Slack, TestContext.Current.CancellationToken);

        cut.ShouldNotBeNull("the idle connection was still open");
        cut.Value.ShouldBeInRange(Limit - TimeSpan.FromMilliseconds(500), Limit + Slack);
    }

    [Fact]
    public async Task Should_refuse_more_headers_than_configured()
    {
        using var client = new HttpClient { BaseAddress = _server };
        using var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent());
        for (var i = 0; i < 25; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Extra-{i}", "x");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }
}

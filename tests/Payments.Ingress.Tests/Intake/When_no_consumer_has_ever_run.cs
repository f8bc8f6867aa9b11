using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

/// <summary>
/// A broker confirms a message no queue was bound to receive, which would silently drop an acknowledged webhook.
/// The ingress declares the consumers' queue before taking traffic, and publishes mandatory so an unroutable
/// event is answered 503 rather than acknowledged.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_no_consumer_has_ever_run(RabbitMqFixture broker) : IAsyncLifetime
{
    private readonly IngressApp _app = new(broker.AmqpUri);
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await broker.DeleteQueueAsync(_app.Queue, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_keep_the_event_in_the_queue_declared_before_traffic()
    {
        var response = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await broker.MessageCountAsync(_app.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);
    }
}

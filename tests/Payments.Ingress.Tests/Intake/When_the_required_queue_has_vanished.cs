using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class IsolatedBrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "isolated-broker";
}

/// <summary>
/// Should a required queue vanish (deleted by hand, a broker reset), the broker would confirm a message no queue
/// received. Publishing mandatory turns that into a return, answered 503. Needs a broker of its own: on a shared
/// one, other tests' queues bound to the same message type would still receive the event.
/// </summary>
[Collection(IsolatedBrokerCollection.Name)]
public sealed class When_the_required_queue_has_vanished(RabbitMqFixture broker) : IAsyncLifetime
{
    private readonly IngressApp _app = new(broker.AmqpUri);
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_answer_503_rather_than_acknowledge_a_dropped_event()
    {
        await broker.DeleteQueueAsync(_app.Queue, TestContext.Current.CancellationToken);

        var response = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        _app.Logs.Entries.ShouldContain(line => line.Contains("unroutable", StringComparison.Ordinal));
    }
}

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
public sealed class When_no_consumer_has_ever_run(RabbitMqFixture broker) : IngressTest(broker)
{
    [Fact]
    public async Task Should_keep_the_event_in_the_queue_declared_before_traffic()
    {
        var response = await Client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe(1u);
    }
}

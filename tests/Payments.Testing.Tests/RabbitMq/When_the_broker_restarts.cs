using Payments.Testing.RabbitMq;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payments.Testing.Tests.RabbitMq;

[Collection(BrokerCollection.Name)]
public sealed class When_the_broker_restarts(RabbitMqFixture broker)
{
    [Fact]
    public async Task Should_refuse_connections_while_down_and_keep_durable_messages()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var queue = await QuorumQueue.DeclareAndPublishAsync(broker.AmqpUri, "survives a restart", "message-3", cancellationToken);
        var port = broker.Port;

        await broker.StopAsync(cancellationToken);
        var factory = new ConnectionFactory { Uri = new Uri(broker.AmqpUri) };
        await Should.ThrowAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync(cancellationToken));
        await broker.StartAsync(cancellationToken);

        broker.Port.ShouldBe(port);
        // The quorum queue elects its leader again shortly after the node is up.
        var message = await Eventually.ValueAsync(
            () => broker.GetAsync(queue, cancellationToken),
            received => received is not null,
            because: "the durable message to be readable after the restart",
            cancellationToken: cancellationToken);
        message!.BodyText.ShouldBe("survives a restart");
        await broker.DeleteQueueAsync(queue, cancellationToken);
    }
}

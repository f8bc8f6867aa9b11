using Payments.Testing.RabbitMq;

namespace Payments.Testing.Tests.RabbitMq;

[Collection(BrokerCollection.Name)]
public sealed class When_using_a_fresh_broker(RabbitMqFixture broker)
{
    [Fact]
    public async Task Should_take_a_quorum_queue_publish_and_hand_the_message_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var queue = await QuorumQueue.DeclareAndPublishAsync(broker.AmqpUri, "hello", "message-1", cancellationToken);

        (await broker.MessageCountAsync(queue, cancellationToken)).ShouldBe(1u);
        var message = await broker.GetAsync(queue, cancellationToken);
        message.ShouldNotBeNull();
        message.BodyText.ShouldBe("hello");
        message.Properties.MessageId.ShouldBe("message-1");
        (await broker.GetAsync(queue, cancellationToken)).ShouldBeNull();
        await broker.DeleteQueueAsync(queue, cancellationToken);
    }

    [Fact]
    public async Task Should_empty_a_queue_on_purge()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var queue = await QuorumQueue.DeclareAndPublishAsync(broker.AmqpUri, "to be purged", "message-2", cancellationToken);

        await broker.PurgeAsync(queue, cancellationToken);

        (await broker.MessageCountAsync(queue, cancellationToken)).ShouldBe(0u);
        await broker.DeleteQueueAsync(queue, cancellationToken);
    }
}

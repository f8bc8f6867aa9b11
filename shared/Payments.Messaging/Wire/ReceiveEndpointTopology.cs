using RabbitMQ.Client;

namespace Payments.Messaging.Wire;

/// <summary>
/// The broker objects MassTransit declares, declared the same way by our raw publisher so that whoever comes first,
/// the other finds what it expects: a durable fanout exchange per message type (<see cref="MessageUrn.ExchangeFor(Type)"/>),
/// and per receive endpoint a quorum queue with a same-named fanout exchange bound to each of its types' exchanges.
/// </summary>
internal static class ReceiveEndpointTopology
{
    public static Task DeclareMessageTypeAsync(IChannel channel, string exchange, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);

    /// <summary>
    /// Another service's receive endpoint: a quorum queue and its same-named fanout exchange bound to each message
    /// type's exchange, as MassTransit declares them, and the queue bound straight to each type's exchange too. Not
    /// bound to its same-named exchange: that needs read permission on the queue's own name (RabbitMQ matches
    /// permissions against queue and exchange names alike), and a publisher must not be able to consume its
    /// subscriber's queue (infra/rabbitmq/definitions.sh). The consumer's first start adds that binding; a message
    /// reaching one queue by two routes is still enqueued there once.
    /// </summary>
    public static async Task DeclareAsync(IChannel channel, string queue, IEnumerable<Type> types, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        foreach (var type in types)
        {
            await channel.ExchangeBindAsync(queue, MessageUrn.ExchangeFor(type), routingKey: "", cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, MessageUrn.ExchangeFor(type), routingKey: "", cancellationToken: cancellationToken);
        }
    }
}

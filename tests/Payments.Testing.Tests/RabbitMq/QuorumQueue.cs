using System.Text;
using RabbitMQ.Client;

namespace Payments.Testing.Tests.RabbitMq;

/// <summary>Declares quorum queues and publishes to them with publisher confirms, as the services do.</summary>
internal static class QuorumQueue
{
    public static async Task<string> DeclareAndPublishAsync(string amqpUri, string body, string messageId, CancellationToken cancellationToken)
    {
        var queue = $"test-{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        // With confirmation tracking, BasicPublishAsync returns only once the broker has taken the message.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await channel.QueueDeclareAsync(
            queue,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" },
            cancellationToken: cancellationToken);
        var properties = new BasicProperties { Persistent = true, MessageId = messageId };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body), cancellationToken);
        return queue;
    }
}

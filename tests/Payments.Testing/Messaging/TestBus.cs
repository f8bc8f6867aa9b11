using System.Text.Json;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Wire;
using Payments.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Payments.Testing.Messaging;

/// <summary>
/// The test's own connection to the broker: publishes canonical events exactly as the ingress does (MassTransit
/// envelope, message id = event id, confirmed) and watches what a service publishes through queues of its own.
/// </summary>
public sealed class TestBus(IConnection connection, IChannel channel, RabbitMqFixture broker) : IAsyncDisposable
{
    public static async Task<TestBus> ConnectAsync(RabbitMqFixture broker)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker.AmqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new TestBus(connection, channel, broker);
    }

    public async Task PublishAsync(PaymentEventReceived @event, Guid? messageId = null) =>
        await PublishAsync((object)@event, typeof(PaymentEventReceived), messageId ?? @event.EventId);

    public async Task PublishAsync(object message, Type type, Guid messageId)
    {
        var exchange = MessageUrn.ExchangeFor(type);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var body = MessageEnvelope.Write(messageId.ToString(), MessageUrn.For(type),
            JsonSerializer.SerializeToUtf8Bytes(message, type, OutboxWriter.Json), headers: null, DateTimeOffset.UtcNow);
        var properties = new BasicProperties { Persistent = true, MessageId = messageId.ToString(), ContentType = MessageEnvelope.ContentType };
        await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, body);
    }

    /// <summary>A fresh queue receiving every message of the given types from now on.</summary>
    public async Task<string> WatchAsync(params Type[] types)
    {
        var queue = $"watch-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        foreach (var type in types)
        {
            await channel.ExchangeDeclareAsync(MessageUrn.ExchangeFor(type), ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, MessageUrn.ExchangeFor(type), "");
        }

        return queue;
    }

    /// <summary>Everything in the queue now: (message type urn, message id, message).</summary>
    public async Task<List<(string Type, string MessageId, JsonElement Message)>> DrainAsync(string queue)
    {
        var messages = new List<(string, string, JsonElement)>();
        while (await broker.GetAsync(queue) is { } received)
        {
            using var envelope = JsonDocument.Parse(received.Body);
            messages.Add((envelope.RootElement.GetProperty("messageType")[0].GetString()!, envelope.RootElement.GetProperty("messageId").GetString()!,
                envelope.RootElement.GetProperty("message").Clone()));
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

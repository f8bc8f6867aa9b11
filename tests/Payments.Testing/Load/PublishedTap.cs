using System.Text.Json;
using Payments.ServiceDefaults.Configuration;
using RabbitMQ.Client;

namespace Payments.Testing.Load;

/// <summary>
/// A queue of the test's own bound to a message type's exchange before the load starts, so every message the system
/// publishes of that type is kept and can be counted afterwards: a second OrderPaid for one order would show here
/// even when every consumer deduplicates it away.
/// </summary>
public sealed class PublishedTap(string brokerUri, string exchange)
{
    private readonly string _queue = $"chaos-tap-{exchange.Replace(':', '-')}-{Guid.NewGuid():N}";
    private readonly List<(string MessageId, JsonElement Message)> _taken = [];

    public async Task BindAsync(CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: ct);
        await channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        await channel.QueueBindAsync(_queue, exchange, routingKey: "", cancellationToken: ct);
    }

    /// <summary>Everything the tap took so far, this call's included: (message id, the message's JSON) per delivery, redeliveries too.</summary>
    public async Task<IReadOnlyList<(string MessageId, JsonElement Message)>> DrainAsync(CancellationToken ct)
    {
        var drained = _taken;
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        while (await channel.BasicGetAsync(_queue, autoAck: true, ct) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            drained.Add((envelope.RootElement.GetProperty("messageId").GetString()!, envelope.RootElement.GetProperty("message").Clone()));
        }

        return [.. drained];
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var broker = BrokerAddress.Parse(brokerUri);
        var factory = new ConnectionFactory { UserName = broker.UserName, Password = broker.Password, VirtualHost = broker.VirtualHost, AutomaticRecoveryEnabled = false };
        return await factory.CreateConnectionAsync([.. broker.Nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port))], ct);
    }
}

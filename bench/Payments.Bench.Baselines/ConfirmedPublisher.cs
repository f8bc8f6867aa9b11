using RabbitMQ.Client;

namespace Payments.Bench.Baselines;

/// <summary>Raw RabbitMQ.Client: a few confirm-tracking channels, persistent publish to a durable quorum queue.</summary>
internal sealed class ConfirmedPublisher(IConfiguration configuration) : IHostedService, IAsyncDisposable
{
    private const string Queue = "bench-publish-only";
    private IConnection? _connection;
    private IChannel[] _channels = [];
    private int _next;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(configuration["RabbitMq"] ?? "amqp://guest:guest@127.0.0.1:5672/") };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        await using (var setup = await _connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await setup.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        }

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        _channels = new IChannel[configuration.GetValue("Channels", 4)];
        for (var i = 0; i < _channels.Length; i++)
        {
            _channels[i] = await _connection.CreateChannelAsync(options, cancellationToken);
        }
    }

    public async Task PublishAsync(byte[] body, CancellationToken cancellationToken)
    {
        var channel = _channels[(uint)Interlocked.Increment(ref _next) % (uint)_channels.Length];
        var properties = new BasicProperties { Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("", Queue, mandatory: true, properties, body, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

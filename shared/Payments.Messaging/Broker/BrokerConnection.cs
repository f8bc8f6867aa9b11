using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Messaging.Wire;
using Payments.ServiceDefaults.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Payments.Messaging.Broker;

/// <summary>
/// A service's one publishing AMQP connection: established in the background (the service starts, and reports not ready, while the
/// broker is away), declares the topology consumers need before it reports ready, then keeps a small pool of
/// channels with publisher confirms. After a broker restart the client's automatic recovery restores connection,
/// channels and declarations; with several nodes in ConnectionStrings:RabbitMq it connects, and recovers, to the
/// first node that answers.
/// </summary>
public sealed partial class BrokerConnection(
    IConfiguration configuration,
    IOptions<PublisherOptions> options,
    ILogger<BrokerConnection> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, bool> _declaredExchanges = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _declareLock = new(1, 1);
    private volatile IChannel[] _channels = [];
    private IConnection? _connection;
    private volatile string? _blockedReason;
    private int _next;

    /// <summary>
    /// Connected, topology declared, channels open, and not blocked: an event published now can become durable.
    /// </summary>
    public bool IsReady => _connection is { IsOpen: true } && _channels.Length > 0 && _blockedReason is null;

    /// <summary>
    /// Why the broker blocks this connection's publishes (a memory or disk alarm, connection.blocked), or null. A blocked
    /// broker accepts a publish and confirms nothing until the alarm clears, so it counts as unavailable: publishing fails
    /// at once instead of after the confirm timeout (https://www.rabbitmq.com/docs/connection-blocked).
    /// </summary>
    public string? BlockedReason => _blockedReason;

    /// <summary>The connection once established (automatic recovery keeps this same object across broker restarts).</summary>
    internal IConnection? Connection => _connection;

    /// <summary>A confirm-enabled channel, round-robin; throws when the broker is not reachable.</summary>
    public IChannel NextChannel()
    {
        var channels = _channels;
        if (_connection is not { IsOpen: true } || channels.Length == 0)
        {
            throw new BrokerUnavailableException("The broker connection is not open.");
        }

        if (_blockedReason is { } reason)
        {
            throw new BrokerUnavailableException($"The broker blocks publishing ({reason}).");
        }

        var index = (uint)Interlocked.Increment(ref _next) % (uint)channels.Length;
        return channels[index];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = configuration.GetRabbitMqAddress();
        var factory = new ConnectionFactory
        {
            ClientProvidedName = options.Value.ConnectionName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            RequestedHeartbeat = TimeSpan.FromSeconds(15),
        };
        broker.ApplyTo(factory);
        var endpoints = broker.Endpoints();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(factory, endpoints, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (BusStartFaultLogger.IsRefusedLogin(ex))
            {
                LogLoginRefused(factory.UserName, RetryDelay.TotalSeconds);
                await DisposeConnectionAsync();
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                LogConnectFailed(ex.GetType().Name, ex.Message, RetryDelay.TotalSeconds);
                await DisposeConnectionAsync();
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ConnectAsync(ConnectionFactory factory, IList<AmqpTcpEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var connection = await factory.CreateConnectionAsync(endpoints, cancellationToken);
        _connection = connection;
        connection.ConnectionShutdownAsync += OnShutdownAsync;
        connection.RecoverySucceededAsync += OnRecoveredAsync;
        connection.ConnectionBlockedAsync += OnBlockedAsync;
        connection.ConnectionUnblockedAsync += OnUnblockedAsync;

        await using (var setup = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await DeclareTopologyAsync(setup, options.Value, cancellationToken);
        }

        var channelOptions = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var channels = new IChannel[Math.Max(1, options.Value.PublishChannels)];
        for (var i = 0; i < channels.Length; i++)
        {
            channels[i] = await connection.CreateChannelAsync(channelOptions, cancellationToken);
        }

        _channels = channels;
        LogConnected(connection.Endpoint.HostName, connection.Endpoint.Port, channels.Length);
    }

    /// <summary>Mirrors MassTransit's receive-endpoint topology (<see cref="ReceiveEndpointTopology"/>) so the broker never confirms an unroutable event.</summary>
    private static async Task DeclareTopologyAsync(IChannel channel, PublisherOptions options, CancellationToken cancellationToken)
    {
        foreach (var type in options.RequiredMessageTypes)
        {
            await ReceiveEndpointTopology.DeclareMessageTypeAsync(channel, MessageUrn.ExchangeFor(type), cancellationToken);
        }

        foreach (var queue in options.RequiredQueues)
        {
            await ReceiveEndpointTopology.DeclareAsync(channel, queue, options.RequiredMessageTypes, cancellationToken);
        }

        foreach (var (queue, names) in options.Subscribers)
        {
            var types = names.Select(name => options.RequiredMessageTypes.Single(t => t.Name == name)).ToList();
            await ReceiveEndpointTopology.DeclareAsync(channel, queue, types, cancellationToken);
        }

        foreach (var delay in options.DelayQueues)
        {
            await channel.ExchangeDeclareAsync(delay.Name, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(delay.Name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-message-ttl"] = (long)delay.Delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = delay.ReturnTo,
                ["x-dead-letter-strategy"] = "at-least-once", // requires reject-publish: a full queue refuses, it never drops
                ["x-overflow"] = "reject-publish",
            }, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(delay.Name, delay.Name, routingKey: "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Declares a message type exchange once per process (publishing to a missing exchange would close the channel),
    /// as MassTransit declares it.
    /// </summary>
    public async ValueTask EnsureExchangeAsync(string exchange, CancellationToken cancellationToken)
    {
        if (_declaredExchanges.ContainsKey(exchange))
        {
            return;
        }

        await _declareLock.WaitAsync(cancellationToken);
        try
        {
            if (_declaredExchanges.ContainsKey(exchange))
            {
                return;
            }

            var connection = _connection ?? throw new BrokerUnavailableException("The broker connection is not open.");
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await ReceiveEndpointTopology.DeclareMessageTypeAsync(channel, exchange, cancellationToken);
            _declaredExchanges[exchange] = true;
        }
        finally
        {
            _declareLock.Release();
        }
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs e)
    {
        LogShutdown(e.Initiator.ToString(), e.ReplyCode, e.ReplyText);
        _blockedReason = null; // a recovered connection is told again if the alarm still holds
        return Task.CompletedTask;
    }

    private Task OnBlockedAsync(object sender, ConnectionBlockedEventArgs e)
    {
        _blockedReason = string.IsNullOrEmpty(e.Reason) ? "resource alarm" : e.Reason;
        LogBlocked(_blockedReason);
        return Task.CompletedTask;
    }

    private Task OnUnblockedAsync(object sender, AsyncEventArgs e)
    {
        _blockedReason = null;
        LogUnblocked();
        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs e)
    {
        LogRecovered();
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DisposeConnectionAsync();
    }

    private async Task DisposeConnectionAsync()
    {
        var channels = _channels;
        _channels = [];
        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ at {Host}:{Port}; topology declared; {Channels} publish channels")]
    private partial void LogConnected(string host, int port, int channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection failed ({Error}: {Reason}); retrying in {Seconds}s; publishing fails meanwhile")]
    private partial void LogConnectFailed(string error, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "RabbitMQ refused the login of user {User} (ConnectionStrings:RabbitMq); retrying in {Seconds}s; publishing fails meanwhile")]
    private partial void LogLoginRefused(string user, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection shut down by {Initiator}: {Code} {Text}. Publishing fails until it recovers")]
    private partial void LogShutdown(string initiator, ushort code, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ blocks publishing on this connection ({Reason}); publishing fails and readiness reports it until the alarm clears")]
    private partial void LogBlocked(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ unblocked publishing on this connection")]
    private partial void LogUnblocked();

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ connection recovered")]
    private partial void LogRecovered();
}

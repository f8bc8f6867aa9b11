using Payments.Messaging.Broker;
using Microsoft.Extensions.Options;
using Payments.ServiceDefaults.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Payments.Operations.DeadLetters;

/// <summary>
/// Moves every message of the configured error queues into deadletters.messages without losing one: manual ack, and
/// the ack only after the row is committed. A failed insert nacks with requeue, so the message stays in its queue; a
/// crash between commit and ack redelivers a copy, which the unique (queue, dedup_key) absorbs.
/// </summary>
internal sealed partial class DeadLetterReader(
    IConfiguration configuration,
    IOptions<DeadLetterOptions> options,
    DeadLetterStore store,
    ILogger<DeadLetterReader> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = configuration.GetRabbitMqAddress();
        var factory = new ConnectionFactory
        {
            ClientProvidedName = "payments-operations-dead-letters",
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
                await using var connection = await factory.CreateConnectionAsync(endpoints, stoppingToken);
                await Task.WhenAll(options.Value.Queues.Select(queue => ConsumeAsync(connection, queue, stoppingToken)));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogConnectFailed(ex.GetType().Name, ex.Message, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Consumes one error queue until stopped; a queue that does not exist yet is looked for again later.</summary>
    private async Task ConsumeAsync(IConnection connection, string queue, CancellationToken stoppingToken)
    {
        IChannel? channel = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                // Passive: MassTransit declares its error queues (with their TTL); a declaration of ours could only differ.
                await channel.QueueDeclarePassiveAsync(queue, stoppingToken);
                await channel.BasicQosAsync(0, options.Value.Prefetch, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => StoreAsync(channel, queue, delivery, stoppingToken);
                await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken);
                LogConsuming(queue);
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                LogQueueMissing(queue, options.Value.MissingQueueRetry.TotalSeconds);
                await Task.Delay(options.Value.MissingQueueRetry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                if (channel is not null)
                {
                    await channel.DisposeAsync();
                    channel = null;
                }
            }
        }
    }

    private async Task StoreAsync(IChannel channel, string queue, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        try
        {
            var letter = DeadLetterCapture.From(queue, delivery.BasicProperties, delivery.Body);
            var added = await store.InsertAsync(letter, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            LogStored(queue, letter.MessageId, letter.MessageType, letter.Reason, added);
        }
        catch (Exception ex)
        {
            // Not stored: the message goes back to its error queue and is read again (after a pause, so a database outage
            // does not spin).
            LogNotStored(ex, queue, delivery.BasicProperties.MessageId);
            await Task.Delay(RetryDelay, CancellationToken.None);
            if (channel.IsOpen)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading dead letters from {Queue}")]
    private partial void LogConsuming(string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter from {Queue}: message {MessageId} ({MessageType}), reason {Reason}; stored {Added} (false: a copy already was)")]
    private partial void LogStored(string queue, string? messageId, string? messageType, string? reason, bool added);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter from {Queue} (message {MessageId}) not stored; it stays in its queue and is read again")]
    private partial void LogNotStored(Exception exception, string queue, string? messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Error queue {Queue} does not exist yet (no message failed there); looking again in {Seconds}s")]
    private partial void LogQueueMissing(string queue, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection for dead letters failed ({Error}: {Reason}); retrying in {Seconds}s")]
    private partial void LogConnectFailed(string error, string reason, double seconds);
}

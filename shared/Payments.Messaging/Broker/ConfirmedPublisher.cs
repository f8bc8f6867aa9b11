using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payments.Messaging.Broker;

/// <summary>
/// Publishes with the raw client and returns only once the broker confirmed: after that a persistent message in a
/// quorum queue survives a broker crash. A nack, a mandatory return, a closed connection or a confirm slower than
/// <see cref="PublisherOptions.ConfirmTimeout"/> all throw <see cref="BrokerUnavailableException"/>.
/// </summary>
public sealed class ConfirmedPublisher(BrokerConnection broker, IOptions<PublisherOptions> options)
{
    private readonly TimeSpan _confirmTimeout = options.Value.ConfirmTimeout;

    public bool IsReady => broker.IsReady;

    public Task PublishAsync(string exchange, ReadOnlyMemory<byte> body, BasicProperties properties, bool mandatory, CancellationToken cancellationToken) =>
        PublishAsync(exchange, body, properties, mandatory, _confirmTimeout, cancellationToken);

    /// <summary>As the other overload, waiting for the confirm no longer than <paramref name="within"/> (and the confirm timeout).</summary>
    public async Task PublishAsync(
        string exchange, ReadOnlyMemory<byte> body, BasicProperties properties, bool mandatory, TimeSpan within, CancellationToken cancellationToken)
    {
        // A caller whose budget is already spent (a slow upload, a starved CPU) passes zero or less: that is a confirm
        // that cannot come in time, not a bad argument, and CancelAfter would throw on a negative delay.
        if (within <= TimeSpan.Zero)
        {
            throw new BrokerUnavailableException("No time was left to wait for the broker's confirm.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within < _confirmTimeout ? within : _confirmTimeout);
        try
        {
            var channel = broker.NextChannel();
            await channel.BasicPublishAsync(exchange, routingKey: "", mandatory, properties, body, timeout.Token);
        }
        catch (Exception ex) when (ex is not BrokerUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException(Describe(ex), ex);
        }
    }

    /// <summary>Declares the exchange once, then publishes (for senders whose exchanges nobody declared yet).</summary>
    public async Task PublishDeclaringAsync(string exchange, ReadOnlyMemory<byte> body, BasicProperties properties, bool mandatory, CancellationToken cancellationToken)
    {
        try
        {
            await broker.EnsureExchangeAsync(exchange, cancellationToken);
        }
        catch (Exception ex) when (ex is not BrokerUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException(Describe(ex), ex);
        }

        await PublishAsync(exchange, body, properties, mandatory, cancellationToken);
    }

    private static string Describe(Exception ex) => ex switch
    {
        PublishException { IsReturn: true } => "The broker returned the message as unroutable: no queue is bound to receive it.",
        PublishException => "The broker refused the message (nack).",
        OperationCanceledException => "The broker did not confirm the message in time.",
        AlreadyClosedException or OperationInterruptedException => "The broker connection closed while publishing.",
        _ => $"Publishing failed: {ex.GetType().Name}.",
    };
}

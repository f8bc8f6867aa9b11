using System.Diagnostics;
using System.Text.Json;
using Payments.Contracts;
using Payments.Ingress.Diagnostics;
using Payments.Messaging.Broker;
using Payments.Messaging.Wire;
using RabbitMQ.Client;

namespace Payments.Ingress.Publishing;

/// <summary>
/// Publishes a canonical event persistent and mandatory, and returns once the broker confirmed it, so a 2xx is
/// only ever said about a durable event. Anything less, or no confirm within the time given, throws
/// <see cref="BrokerUnavailableException"/>.
/// </summary>
internal sealed class PaymentEventPublisher(ConfirmedPublisher publisher, IngressMetrics metrics)
{
    private static readonly string Exchange = MessageUrn.ExchangeFor(typeof(PaymentEventReceived));
    private static readonly string MessageType = MessageUrn.For(typeof(PaymentEventReceived));

    public async Task PublishAsync(PaymentEventReceived @event, TimeSpan within, CancellationToken cancellationToken)
    {
        using var activity = IngressTelemetry.Source.StartActivity($"{Exchange} publish", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "publish");
        activity?.SetTag("messaging.destination.name", Exchange);
        activity?.SetTag("messaging.message.id", @event.EventId.ToString());

        var started = Stopwatch.GetTimestamp();
        var messageId = @event.EventId.ToString();
        // Only a recorded trace is worth continuing; without a listener the request's activity is not recorded,
        // and an untraced publish builds no header dictionaries at all.
        Dictionary<string, string>? headers = null;
        if ((activity ?? Activity.Current) is { Recorded: true } producer)
        {
            headers = new Dictionary<string, string>(3);
            TraceHeaders.Write(headers, producer);
        }

        var body = MessageEnvelope.Write(messageId, MessageType,
            JsonSerializer.SerializeToUtf8Bytes(@event, ContractsJsonContext.Default.PaymentEventReceived), headers, DateTimeOffset.UtcNow);
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = messageId,
            ContentType = MessageEnvelope.ContentType,
            Type = MessageType,
            Headers = headers?.ToDictionary(h => h.Key, h => (object?)h.Value),
        };

        try
        {
            await publisher.PublishAsync(Exchange, body, properties, mandatory: true, within, cancellationToken);
            metrics.Published(@event, Stopwatch.GetElapsedTime(started));
        }
        catch (BrokerUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}

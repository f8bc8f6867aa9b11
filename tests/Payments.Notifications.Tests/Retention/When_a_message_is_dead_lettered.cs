using System.Text;
using Payments.Messaging.Wire;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;
using RabbitMQ.Client;

namespace Payments.Notifications.Tests.Retention;

/// <summary>
/// A dead letter keeps the whole message (a customer's address among it): the endpoint's `_error` and `_skipped` queues
/// drop it after Messaging:DeadLetters:Retention (x-message-ttl, declared by the service with the queues).
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_a_message_is_dead_lettered(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private const string ErrorQueue = NotificationsExtensions.OrderEventsQueue + "_error";
    private const string SkippedQueue = NotificationsExtensions.OrderEventsQueue + "_skipped";
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(4);

    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        // Queue arguments are fixed once declared: start from no dead-letter queues, so these are declared with this retention.
        await infrastructure.Broker.DeleteQueueAsync(ErrorQueue);
        await infrastructure.Broker.DeleteQueueAsync(SkippedQueue);
        _scenario = await NotificationsScenario.CreateAsync(infrastructure, new Dictionary<string, string?>
        {
            ["Messaging:DeadLetters:Retention"] = "00:00:04",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        // The next scenario's endpoint declares these queues with the default retention.
        await infrastructure.Broker.DeleteQueueAsync(ErrorQueue);
        await infrastructure.Broker.DeleteQueueAsync(SkippedQueue);
    }

    [Fact]
    public async Task Should_drop_a_faulted_message_after_the_retention()
    {
        // Not a message at all: it cannot be deserialized, so it faults at once (no retry helps) and goes to _error.
        await SendToEndpointAsync("""{"messageId": "not a message"}""", "urn:message:Payments.Contracts:OrderPaid");

        await ShouldArriveAndExpireAsync(ErrorQueue);
    }

    [Fact]
    public async Task Should_drop_a_message_nobody_consumes_after_the_retention()
    {
        // A type no consumer on the endpoint takes: a poison message like any other, it goes to _error.
        await SendToEndpointAsync(
            $$$"""{"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:Payments.Contracts:NobodyTakesThis"],"message":{"customerEmail":"customer@example.com"}}""",
            "urn:message:Payments.Contracts:NobodyTakesThis");

        await ShouldArriveAndExpireAsync(ErrorQueue);
    }

    private async Task ShouldArriveAndExpireAsync(string queue)
    {
        var ct = TestContext.Current.CancellationToken;
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 1, Retention, $"the message to be moved to {queue}", ct);
        var arrived = TimeProvider.System.GetTimestamp();
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, TimeSpan.FromSeconds(30), $"{queue} to drop the message after its TTL", ct);
        TimeProvider.System.GetElapsedTime(arrived).ShouldBeLessThan(Retention + TimeSpan.FromSeconds(10));
    }

    private async Task<uint?> CountAsync(string queue)
    {
        try
        {
            return await infrastructure.Broker.MessageCountAsync(queue, TestContext.Current.CancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null; // not declared yet
        }
    }

    private async Task SendToEndpointAsync(string envelope, string messageType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.Broker.AmqpUri) }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var properties = new BasicProperties
        {
            Persistent = true, MessageId = Guid.NewGuid().ToString(), ContentType = MessageEnvelope.ContentType, Type = messageType,
        };
        await channel.BasicPublishAsync("", NotificationsExtensions.OrderEventsQueue, mandatory: true, properties, Encoding.UTF8.GetBytes(envelope), ct);
    }
}

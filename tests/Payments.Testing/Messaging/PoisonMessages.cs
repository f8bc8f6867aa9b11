using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Messaging.Outbox;
using Payments.Messaging.Wire;
using Payments.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Payments.Testing.Messaging;

/// <summary>
/// Sends the messages no consumer can handle straight to a consumer's queue (the default exchange), and reads what
/// MassTransit moved to the queue's `_error` queue: one helper for every service's poison test.
/// </summary>
public static class PoisonMessages
{
    /// <summary>The kinds sent by <see cref="SendAsync"/>, each body carrying its own marker.</summary>
    public static readonly string[] Kinds = ["not-json", "wrong-field-types", "no-message-id", "unknown-type"];

    /// <summary>
    /// Sends one message of each of <see cref="Kinds"/> to <paramref name="queue"/>. <paramref name="valid"/> is a message
    /// the consumer takes (of type <paramref name="type"/>); the poisoned copies are built around it.
    /// </summary>
    /// <returns>The marker each kind's body carries, to find it in the error queue.</returns>
    public static async Task<IReadOnlyDictionary<string, string>> SendAsync(RabbitMqFixture broker, string queue, object valid, Type type, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N");
        var markers = Kinds.ToDictionary(kind => kind, kind => $"poison-{kind}-{run}");
        var message = JsonSerializer.SerializeToNode(valid, type, OutboxWriter.Json)!.AsObject();
        var bodies = new Dictionary<string, byte[]>
        {
            ["not-json"] = Encoding.UTF8.GetBytes($"{{\"messageId\": \"{Guid.NewGuid()}\", \"message\": {{\"{markers["not-json"]}\": "),
            ["wrong-field-types"] = Envelope(Guid.NewGuid(), MessageUrn.For(type), WrongTypes(message, markers["wrong-field-types"])),
            ["no-message-id"] = Envelope(null, MessageUrn.For(type), Marked(message, markers["no-message-id"])),
            ["unknown-type"] = Envelope(Guid.NewGuid(), $"urn:message:{type.Namespace}:NoSuchMessage", Marked(message, markers["unknown-type"])),
        };

        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.AmqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        foreach (var kind in Kinds)
        {
            var properties = new BasicProperties { Persistent = true, ContentType = MessageEnvelope.ContentType };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, bodies[kind], cancellationToken);
        }

        return markers;
    }

    /// <summary>Waits until every marked message is in `{queue}_error`, and returns each with its fault headers, by kind.</summary>
    public static async Task<IReadOnlyDictionary<string, DeadLetter>> DeadLettersAsync(
        RabbitMqFixture broker, string queue, IReadOnlyDictionary<string, string> markers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, DeadLetter>();
        var others = new List<string>();
        try
        {
            await WaitAsync();
        }
        catch (TimeoutException ex)
        {
            var skipped = await TakeAsync(broker, $"{queue}_skipped", cancellationToken);
            throw new TimeoutException(
                $"In {queue}_skipped: {skipped?.BodyText ?? "nothing"}. " +
                $"{ex.Message} Found: [{string.Join("; ", found.Select(f => $"{f.Key}: {f.Value.Reason} {f.Value.ExceptionType}"))}], " +
                $"missing: [{string.Join(", ", markers.Keys.Except(found.Keys))}], other messages: {others.Count}.", ex);
        }

        return found;

        Task WaitAsync() => Eventually.TrueAsync(async () =>
        {
            while (await TakeAsync(broker, $"{queue}_error", cancellationToken) is { } received)
            {
                var text = received.BodyText;
                foreach (var (kind, marker) in markers)
                {
                    if (text.Contains(marker, StringComparison.Ordinal))
                    {
                        found[kind] = new DeadLetter(text, Header(received, "MT-Reason"), Header(received, "MT-Fault-Message"),
                            Header(received, "MT-Fault-ExceptionType"));
                    }
                }

                if (!markers.Values.Any(m => text.Contains(m, StringComparison.Ordinal)))
                {
                    others.Add(text);
                }
            }

            return found.Count == markers.Count;
        }, timeout, $"the poison messages in {queue}_error", cancellationToken);
    }

    /// <summary>
    /// The dead letters that do not say why they are there: MassTransit's MT-Reason "fault" with an exception type and
    /// message, and the no-id one naming the missing message id. Empty when every one explains itself.
    /// </summary>
    public static List<string> Unexplained(IReadOnlyDictionary<string, DeadLetter> deadLetters) =>
    [
        .. deadLetters.Where(d => d.Value.Reason != "fault" || string.IsNullOrWhiteSpace(d.Value.FaultMessage) || string.IsNullOrWhiteSpace(d.Value.ExceptionType)
                                  || (d.Key == "no-message-id" && !d.Value.FaultMessage!.Contains("message id", StringComparison.Ordinal)))
            .Select(d => $"{d.Key}: {d.Value.Reason} / {d.Value.ExceptionType} / {d.Value.FaultMessage}"),
    ];

    /// <summary>Deletes `{queue}_error`, so a later test's service starts without these dead letters (after the service stopped).</summary>
    public static Task ForgetAsync(RabbitMqFixture broker, string queue) => broker.DeleteQueueAsync($"{queue}_error");

    // The error queue exists from the first dead letter on.
    private static async Task<ReceivedMessage?> TakeAsync(RabbitMqFixture broker, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return await broker.GetAsync(queue, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static byte[] Envelope(Guid? messageId, string urn, JsonNode message)
    {
        var envelope = new JsonObject
        {
            ["messageType"] = new JsonArray(urn),
            ["message"] = message,
            ["sentTime"] = DateTimeOffset.UtcNow,
            ["headers"] = new JsonObject(),
        };
        if (messageId is { } id)
        {
            envelope["messageId"] = id;
        }

        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private static JsonObject Marked(JsonObject message, string marker)
    {
        var copy = message.DeepClone().AsObject();
        copy["poison"] = marker;
        return copy;
    }

    /// <summary>Every field of the message an array of the marker: no field of any contract deserializes from that.</summary>
    private static JsonObject WrongTypes(JsonObject message, string marker)
    {
        var copy = new JsonObject();
        foreach (var (name, _) in message)
        {
            copy[name] = new JsonArray(marker);
        }

        return copy;
    }

    private static string? Header(ReceivedMessage message, string name) =>
        message.Properties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => value.ToString() }
            : null;
}

/// <summary>A message as MassTransit dead-lettered it: the body as sent, and why (MT-Reason, MT-Fault-Message, MT-Fault-ExceptionType).</summary>
public sealed record DeadLetter(string Body, string? Reason, string? FaultMessage, string? ExceptionType);

using System.Globalization;
using System.Text;
using Payments.Messaging.Broker;
using Payments.Messaging.Wire;
using RabbitMQ.Client;

namespace Payments.Operations.DeadLetters;

/// <summary>
/// Sends dead letters back to the queue they came from (its same-named fanout exchange), with the same message id,
/// properties and headers minus MassTransit's fault headers. Each is marked replayed only after the broker confirmed
/// it, one at a time, so a replay stopped at any point has moved exactly the rows marked; running it again replays the
/// rest, and a message that went out but was not yet marked goes again, which the consumer's inbox absorbs.
/// </summary>
public sealed class DeadLetterReplay(DeadLetterStore store, ConfirmedPublisher publisher, TimeProvider time)
{
    private const int BatchSize = 100;

    public async Task<int> ReplayAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var replayed = 0;
        foreach (var letter in await store.ForReplayAsync(ids, cancellationToken))
        {
            await ReplayOneAsync(letter, cancellationToken);
            replayed++;
        }

        return replayed;
    }

    public async Task<int> ReplayAsync(DeadLetterFilter filter, CancellationToken cancellationToken)
    {
        var replayed = 0;
        var after = 0L;
        while (true)
        {
            var batch = await store.NextForReplayAsync(filter, after, BatchSize, cancellationToken);
            foreach (var letter in batch)
            {
                await ReplayOneAsync(letter, cancellationToken);
                replayed++;
                after = letter.Id;
            }

            if (batch.Count < BatchSize)
            {
                return replayed;
            }
        }
    }

    private async Task ReplayOneAsync(StoredDeadLetter letter, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            MessageId = letter.MessageId,
            CorrelationId = letter.Properties.GetValueOrDefault("correlationId"),
            ContentType = letter.Properties.GetValueOrDefault("contentType"),
            Type = letter.Properties.GetValueOrDefault("type"),
            DeliveryMode = DeliveryModes.Persistent,
            Headers = letter.Headers
                .Where(h => !FaultHeaders.IsFaultHeader(h.Key))
                .ToDictionary(h => h.Key, h => (object?)(h.Value is null ? null : Encoding.UTF8.GetBytes(h.Value)), StringComparer.Ordinal),
        };
        properties.Headers["MT-Operations-ReplayedAt"] = Encoding.UTF8.GetBytes(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        // mandatory: a replay that reaches no queue is an error, not a success.
        await publisher.PublishAsync(DeadLetterQueues.SourceOf(letter.Queue), letter.Body, properties, mandatory: true, cancellationToken);
        await store.MarkReplayedAsync(letter.Id, time.GetUtcNow(), CancellationToken.None);
    }
}

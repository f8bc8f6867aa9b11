using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;
using Payments.Messaging.Wire;

namespace Payments.Messaging.Outbox;

/// <summary>
/// Turns a message into the INSERT that puts it in the outbox, to run inside the caller's business transaction.
/// Nothing is published here: the relay publishes after commit, so a rolled-back change never announces itself.
/// </summary>
public static class OutboxWriter
{
    public const string NotifyChannel = "payments_outbox";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="messageId">Defaults to a new time-ordered id; pass a deterministic one when the message must be unique per cause.</param>
    /// <param name="availableAt">Not before: a deferred message (e.g. a fallback that a later transaction may still cancel).</param>
    /// <param name="mandatory">
    /// A command (true) must reach a queue: if none is bound the broker returns it and the relay retries, then parks it.
    /// An event (false) is published to whoever subscribes, possibly no one.
    /// </param>
    public static NpgsqlBatchCommand Insert<T>(T message, Guid? messageId = null, DateTimeOffset? availableAt = null, bool mandatory = false) where T : class
    {
        var type = typeof(T);
        var headers = new Dictionary<string, string>(2);
        if (Activity.Current is { } activity)
        {
            // W3C trace context of the span that wrote the row: the relay continues this trace (https://www.w3.org/TR/trace-context/).
            headers["traceparent"] = activity.Id!;
            if (activity.TraceStateString is { Length: > 0 } state)
            {
                headers["tracestate"] = state;
            }
        }

        return new NpgsqlBatchCommand(
                "INSERT INTO messaging.outbox (id, message_type, destination, body, headers, available_at, mandatory) VALUES ($1, $2, $3, $4, $5, coalesce($6, now()), $7)")
            .Bind(messageId ?? Guid.CreateVersion7())
            .Bind(MessageUrn.For(type))
            .Bind(MessageUrn.ExchangeFor(type))
            .Bind(JsonSerializer.Serialize(message, Json), NpgsqlDbType.Json)
            .Bind(JsonSerializer.Serialize(headers, Json), NpgsqlDbType.Jsonb)
            .Bind(availableAt, NpgsqlDbType.TimestampTz)
            .Bind(mandatory);
    }

    /// <summary>Cancels a deferred message the relay has not claimed yet.</summary>
    public static NpgsqlBatchCommand Cancel(Guid messageId) => new NpgsqlBatchCommand("DELETE FROM messaging.outbox WHERE id = $1").Bind(messageId);

    /// <summary>
    /// Wakes every relay when the transaction commits (NOTIFY is transactional and coalesced per transaction). For rare
    /// writers outside the services' processes; on hot paths prefer <see cref="OutboxSignal"/>: notifying transactions
    /// commit one at a time.
    /// </summary>
    public static NpgsqlBatchCommand Notify() => new($"SELECT pg_notify('{NotifyChannel}', '')");
}

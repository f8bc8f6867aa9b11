using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;
using Payments.Orders.Ordering;
using Payments.Orders.PaymentEvents;

namespace Payments.Orders.Story;

internal static class StoryQueries
{
    public static async Task<OrderStory?> GetAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var order = new NpgsqlBatchCommand(
            """
            SELECT id, status, amount_minor, currency, provider, payment_id, created_at, updated_at, trace_id
            FROM orders.orders WHERE id = $1
            """).Bind(id);
        var events = new NpgsqlBatchCommand(
            """
            SELECT event_id, source, kind, provider_event_id, payment_id, occurred_at, received_at, recorded_at, duplicates,
                   from_status, to_status, outcome, explanation, trace_id
            FROM orders.payment_events WHERE order_id = $1 ORDER BY recorded_at, event_id
            """).Bind(id);
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(events);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = (Id: reader.Get<Guid>("id"), Status: reader.Get<string>("status"), Amount: reader.Get<long>("amount_minor"),
            Currency: reader.Get<string>("currency"), Provider: reader.GetOrNull<string>("provider"), PaymentId: reader.GetOrNull<string>("payment_id"),
            Created: reader.Get<DateTimeOffset>("created_at"), Updated: reader.Get<DateTimeOffset>("updated_at"), TraceId: reader.GetOrNull<string>("trace_id"));
        var received = new List<ReceivedEvent>();
        var transitions = new List<OrderTransition>
        {
            new(head.Created, null, OrderStatus.AwaitingPayment.ToText(), "api", null, null, null, "Created through the API.", head.TraceId),
        };

        await reader.NextResultAsync(cancellationToken);
        int eventId = reader.GetOrdinal("event_id"), source = reader.GetOrdinal("source"), kind = reader.GetOrdinal("kind"),
            providerEventId = reader.GetOrdinal("provider_event_id"), paymentId = reader.GetOrdinal("payment_id"), occurredAt = reader.GetOrdinal("occurred_at"),
            receivedAt = reader.GetOrdinal("received_at"), recordedAt = reader.GetOrdinal("recorded_at"), duplicates = reader.GetOrdinal("duplicates"),
            fromStatus = reader.GetOrdinal("from_status"), toStatus = reader.GetOrdinal("to_status"), outcome = reader.GetOrdinal("outcome"),
            explanation = reader.GetOrdinal("explanation"), traceId = reader.GetOrdinal("trace_id");
        while (await reader.ReadAsync(cancellationToken))
        {
            var @event = new ReceivedEvent(reader.GetGuid(eventId), reader.GetString(source), reader.GetString(kind), reader.GetString(providerEventId),
                reader.GetString(paymentId), reader.GetFieldValue<DateTimeOffset>(occurredAt), reader.GetFieldValue<DateTimeOffset>(receivedAt),
                reader.GetFieldValue<DateTimeOffset>(recordedAt), reader.GetInt32(duplicates), reader.GetString(outcome), reader.GetString(explanation),
                reader.GetOrNull<string>(traceId));
            received.Add(@event);
            var (from, to) = (reader.GetString(fromStatus), reader.GetString(toStatus));
            if (from != to)
            {
                transitions.Add(new(@event.RecordedAt, from, to, Cause(@event.Source), @event.EventId, @event.Source, @event.ProviderEventId,
                    @event.Explanation, @event.TraceId));
            }
        }

        return new OrderStory(head.Id, head.Status, head.Amount, head.Currency, head.Provider, head.PaymentId, head.Created, head.Updated,
            received, transitions);
    }

    /// <summary>An order id, else a provider payment id, else a provider event id (the first order it names).</summary>
    public static async Task<OrderLookup?> LookupAsync(NpgsqlDataSource dataSource, string q, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id AS order_id, 'order_id' AS matched_by FROM orders.orders WHERE id = $1
            UNION ALL (SELECT id, 'payment_id' FROM orders.orders WHERE payment_id = $2)
            UNION ALL (SELECT order_id, 'provider_event_id' FROM orders.payment_events WHERE provider_event_id = $2 ORDER BY recorded_at LIMIT 1)
            LIMIT 1
            """).Bind<Guid?>(Guid.TryParse(q, out var id) ? id : null, NpgsqlDbType.Uuid).Bind(q);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new OrderLookup(reader.Get<Guid>("order_id"), reader.Get<string>("matched_by")) : null;
    }

    private static string Cause(string source) =>
        string.Equals(source, "reconciliation", StringComparison.Ordinal) ? "reconciliation" : "webhook";
}

using Npgsql;
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
            """);
        order.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var events = new NpgsqlBatchCommand(
            """
            SELECT event_id, source, kind, provider_event_id, payment_id, occurred_at, received_at, recorded_at, duplicates,
                   from_status, to_status, outcome, explanation, trace_id
            FROM orders.payment_events WHERE order_id = $1 ORDER BY recorded_at, event_id
            """);
        events.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(events);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = (Id: reader.GetGuid(0), Status: reader.GetString(1), Amount: reader.GetInt64(2), Currency: reader.GetString(3),
            Provider: Text(reader, 4), PaymentId: Text(reader, 5), Created: reader.GetFieldValue<DateTimeOffset>(6),
            Updated: reader.GetFieldValue<DateTimeOffset>(7), TraceId: Text(reader, 8));
        var received = new List<ReceivedEvent>();
        var transitions = new List<OrderTransition>
        {
            new(head.Created, null, OrderStatus.AwaitingPayment.ToText(), "api", null, null, null, "Created through the API.", head.TraceId),
        };

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var @event = new ReceivedEvent(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetInt32(8), reader.GetString(11), reader.GetString(12), Text(reader, 13));
            received.Add(@event);
            var (from, to) = (reader.GetString(9), reader.GetString(10));
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
            SELECT id, 'order_id' FROM orders.orders WHERE id = $1
            UNION ALL (SELECT id, 'payment_id' FROM orders.orders WHERE payment_id = $2)
            UNION ALL (SELECT order_id, 'provider_event_id' FROM orders.payment_events WHERE provider_event_id = $2 ORDER BY recorded_at LIMIT 1)
            LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid?>
        {
            TypedValue = Guid.TryParse(q, out var id) ? id : null, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid,
        });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = q });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new OrderLookup(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    private static string Cause(string source) =>
        string.Equals(source, "reconciliation", StringComparison.Ordinal) ? "reconciliation" : "webhook";

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using Npgsql;

namespace Payments.Orders.Ordering;

internal static class OrderQueries
{
    public static async Task<OrderResponse?> GetAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var order = new NpgsqlBatchCommand(
            """
            SELECT id, status, amount_minor, currency, customer_email, provider, payment_id, attention_reason, refunded_minor, created_at, updated_at
            FROM orders.orders WHERE id = $1
            """);
        order.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var history = new NpgsqlBatchCommand(
            """
            SELECT event_id, kind, source, provider_event_id, amount_minor, currency, occurred_at, recorded_at, from_status, to_status, outcome, explanation
            FROM orders.payment_events WHERE order_id = $1 ORDER BY recorded_at, event_id
            """);
        history.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(history);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = (
            Id: reader.GetGuid(0), Status: reader.GetString(1), Amount: reader.GetInt64(2), Currency: reader.GetString(3), Email: reader.GetString(4),
            Payment: PaymentDetails.From(reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)),
            Attention: reader.IsDBNull(7) ? null : reader.GetString(7), Refunded: reader.IsDBNull(8) ? (long?)null : reader.GetInt64(8),
            Created: reader.GetFieldValue<DateTimeOffset>(9), Updated: reader.GetFieldValue<DateTimeOffset>(10));

        await reader.NextResultAsync(cancellationToken);
        var events = new List<OrderEventResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new OrderEventResponse(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetString(8),
                reader.GetString(9), reader.GetString(10), reader.GetString(11)));
        }

        return new OrderResponse(row.Id, row.Status, row.Amount, row.Currency, row.Email, row.Payment, row.Attention, row.Refunded, row.Created, row.Updated, events);
    }

    /// <summary>The order an Idempotency-Key already created, with the fingerprint of the request that created it.</summary>
    public static async Task<(Guid Id, string Fingerprint)?> FindByIdempotencyKeyAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, request_fingerprint FROM orders.orders WHERE idempotency_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }
}

using Npgsql;
using Payments.Messaging.Postgres;

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
            """).Bind(id);
        var history = new NpgsqlBatchCommand(
            """
            SELECT event_id, kind, source, provider_event_id, amount_minor, currency, occurred_at, recorded_at, from_status, to_status, outcome, explanation
            FROM orders.payment_events WHERE order_id = $1 ORDER BY recorded_at, event_id
            """).Bind(id);
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(history);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = (
            Id: reader.Get<Guid>("id"), Status: reader.Get<string>("status"), Amount: reader.Get<long>("amount_minor"),
            Currency: reader.Get<string>("currency"), Email: reader.Get<string>("customer_email"),
            Payment: PaymentDetails.From(reader.GetOrNull<string>("provider"), reader.GetOrNull<string>("payment_id")),
            Attention: reader.GetOrNull<string>("attention_reason"), Refunded: reader.Get<long?>("refunded_minor"),
            Created: reader.Get<DateTimeOffset>("created_at"), Updated: reader.Get<DateTimeOffset>("updated_at"));

        await reader.NextResultAsync(cancellationToken);
        int eventId = reader.GetOrdinal("event_id"), kind = reader.GetOrdinal("kind"), source = reader.GetOrdinal("source"),
            providerEventId = reader.GetOrdinal("provider_event_id"), amount = reader.GetOrdinal("amount_minor"), currency = reader.GetOrdinal("currency"),
            occurredAt = reader.GetOrdinal("occurred_at"), recordedAt = reader.GetOrdinal("recorded_at"), fromStatus = reader.GetOrdinal("from_status"),
            toStatus = reader.GetOrdinal("to_status"), outcome = reader.GetOrdinal("outcome"), explanation = reader.GetOrdinal("explanation");
        var events = new List<OrderEventResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new OrderEventResponse(reader.GetGuid(eventId), reader.GetString(kind), reader.GetString(source), reader.GetString(providerEventId),
                reader.GetInt64(amount), reader.GetString(currency), reader.GetFieldValue<DateTimeOffset>(occurredAt),
                reader.GetFieldValue<DateTimeOffset>(recordedAt), reader.GetString(fromStatus), reader.GetString(toStatus), reader.GetString(outcome),
                reader.GetString(explanation)));
        }

        return new OrderResponse(row.Id, row.Status, row.Amount, row.Currency, row.Email, row.Payment, row.Attention, row.Refunded, row.Created, row.Updated, events);
    }

    /// <summary>The order an Idempotency-Key already created, with the fingerprint of the request that created it.</summary>
    public static async Task<(Guid Id, string Fingerprint)?> FindByIdempotencyKeyAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, request_fingerprint FROM orders.orders WHERE idempotency_key = $1").Bind(key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.Get<Guid>("id"), reader.Get<string>("request_fingerprint")) : null;
    }
}

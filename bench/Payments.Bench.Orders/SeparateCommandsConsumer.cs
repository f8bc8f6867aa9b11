using MassTransit;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Orders.Ordering;
using Payments.Orders.PaymentEvents;

namespace Payments.Bench.Orders;

/// <summary>
/// The baseline: the same transaction as the Orders service (inbox claim, lock the order, decide, history row,
/// state change, outbox row) written the plain way, one command and one round trip at a time.
/// </summary>
internal sealed class SeparateCommandsConsumer(NpgsqlDataSource dataSource) : IConsumer<PaymentEventReceived>
{
    public async Task Consume(ConsumeContext<PaymentEventReceived> context)
    {
        var e = context.Message;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await using (var claim = new NpgsqlCommand("INSERT INTO messaging.inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", connection, transaction))
        {
            claim.Parameters.AddWithValue("baseline");
            claim.Parameters.AddWithValue(context.MessageId!.Value);
            if (await claim.ExecuteNonQueryAsync() == 0)
            {
                return;
            }
        }

        Guid id;
        OrderStatus status;
        long amount;
        string currency, email;
        string? provider, paymentId;
        await using (var select = new NpgsqlCommand(
            "SELECT id, status, amount_minor, currency, customer_email, provider, payment_id FROM orders.orders WHERE id = $1 OR payment_id = $2 ORDER BY (id = $1) DESC NULLS LAST LIMIT 1 FOR UPDATE",
            connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = Guid.TryParse(e.OrderId, out var o) ? o : null, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            select.Parameters.AddWithValue(e.ProviderPaymentId);
            await using var reader = await select.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("order not found");
            }

            (id, status, amount, currency, email) = (reader.GetGuid(0), OrderStatusText.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3), reader.GetString(4));
            (provider, paymentId) = (reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
        }

        var decision = OrderStateMachine.Decide(status, new OrderTerms(amount, currency, provider, paymentId), e);
        await using (var history = new NpgsqlCommand(
            """
            INSERT INTO orders.payment_events (event_id, order_id, kind, source, provider, provider_event_id, payment_id,
                amount_minor, currency, occurred_at, received_at, from_status, to_status, outcome, explanation)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (event_id) DO NOTHING
            """, connection, transaction))
        {
            foreach (var value in new object[] { e.EventId, id, e.Kind.ToString(), e.Source, e.Provider, e.ProviderEventId, e.ProviderPaymentId, e.AmountMinor,
                e.Currency, e.OccurredAt, e.ReceivedAt, decision.From.ToText(), decision.To.ToText(), decision.Outcome.ToString().ToLowerInvariant(), decision.Explanation })
            {
                history.Parameters.AddWithValue(value);
            }

            await history.ExecuteNonQueryAsync();
        }

        if (decision.Changed)
        {
            await using (var update = new NpgsqlCommand("UPDATE orders.orders SET status = $2, updated_at = now() WHERE id = $1", connection, transaction))
            {
                update.Parameters.AddWithValue(id);
                update.Parameters.AddWithValue(decision.To.ToText());
                await update.ExecuteNonQueryAsync();
            }

            var outbox = OutboxWriter.Insert(new OrderPaid(id, e.ProviderPaymentId, amount, currency, email, e.OccurredAt, e.EventId));
            await using (var insert = new NpgsqlCommand(outbox.CommandText, connection, transaction))
            {
                foreach (NpgsqlParameter parameter in outbox.Parameters)
                {
                    insert.Parameters.Add(parameter.Clone());
                }

                await insert.ExecuteNonQueryAsync();
            }

        }

        await transaction.CommitAsync();
    }
}

using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;

namespace Payments.Orders.PaymentCreation;

/// <summary>Records a payment id on an order that has none yet, and announces the order with it.</summary>
internal static class PaymentRecording
{
    public static NpgsqlBatchCommand Record(Guid orderId, string provider, string paymentId) =>
        new NpgsqlBatchCommand(
            """
            UPDATE orders.orders SET provider = $2, payment_id = $3, updated_at = now()
            WHERE id = $1 AND payment_id IS NULL
            RETURNING amount_minor, currency, created_at
            """)
        .Bind(orderId).Bind(provider).Bind(paymentId);

    /// <summary>Inline, after the order's own transaction: record, announce and cancel the deferred command, atomically.</summary>
    public static async Task<bool> RecordAsync(NpgsqlDataSource dataSource, OutboxSignal signal, Guid orderId, Guid deferredCommandId, string provider, string paymentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        OrderCreated? created = null;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Record(orderId, provider, paymentId) } })
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                // No address: nobody who takes OrderCreated writes to the customer (docs/decisions/0004-personal-data-in-messages.md).
                created = new OrderCreated(orderId, provider, paymentId, reader.Get<long>("amount_minor"), reader.Get<string>("currency"),
                    CustomerEmail: null, reader.Get<DateTimeOffset>("created_at"));
            }
        }

        if (created is null)
        {
            return false; // the deferred command got there first
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(OutboxWriter.Insert(created));
            batch.BatchCommands.Add(OutboxWriter.Cancel(deferredCommandId));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return true;
    }
}

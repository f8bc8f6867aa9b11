using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;

namespace Payments.Orders.PaymentCreation;

/// <summary>Records a payment id on an order that has none yet, and announces the order with it.</summary>
internal static class PaymentRecording
{
    public static NpgsqlBatchCommand Record(Guid orderId, string provider, string paymentId)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE orders.orders SET provider = $2, payment_id = $3, updated_at = now()
            WHERE id = $1 AND payment_id IS NULL
            RETURNING amount_minor, currency, created_at
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provider });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = paymentId });
        return command;
    }

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
                created = new OrderCreated(orderId, provider, paymentId, reader.GetInt64(0), reader.GetString(1), CustomerEmail: null,
                    reader.GetFieldValue<DateTimeOffset>(2));
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

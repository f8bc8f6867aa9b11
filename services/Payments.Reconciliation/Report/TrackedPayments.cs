using Npgsql;
using Payments.Messaging.Postgres;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.Report;

internal static class TrackedPayments
{
    /// <summary>
    /// Ours created in the window, and any the provider listed whatever their recorded creation time (the order is
    /// created a moment before its payment, so a window's edges need not agree).
    /// </summary>
    public static async Task<List<TrackedPayment>> FindAsync(
        NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to, string[] paymentIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT order_id, payment_id, provider, amount_minor, currency, created_at, status, stuck_at, provider_status
            FROM reconciliation.payments
            WHERE created_at BETWEEN $1 AND $2 OR payment_id = ANY($3)
            """).Bind(from.ToUniversalTime()).Bind(to.ToUniversalTime()).Bind(paymentIds);
        var payments = new List<TrackedPayment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int orderId = reader.GetOrdinal("order_id"), paymentId = reader.GetOrdinal("payment_id"), provider = reader.GetOrdinal("provider"),
            amount = reader.GetOrdinal("amount_minor"), currency = reader.GetOrdinal("currency"), createdAt = reader.GetOrdinal("created_at"),
            status = reader.GetOrdinal("status"), stuckAt = reader.GetOrdinal("stuck_at"), providerStatus = reader.GetOrdinal("provider_status");
        while (await reader.ReadAsync(cancellationToken))
        {
            payments.Add(new TrackedPayment(
                reader.GetGuid(orderId), reader.GetOrNull<string>(paymentId), reader.GetOrNull<string>(provider), reader.GetInt64(amount),
                reader.GetString(currency), reader.GetFieldValue<DateTimeOffset>(createdAt), KnownStatusText.Parse(reader.GetString(status)),
                reader.GetFieldValue<DateTimeOffset?>(stuckAt), reader.GetOrNull<string>(providerStatus)));
        }

        return payments;
    }
}

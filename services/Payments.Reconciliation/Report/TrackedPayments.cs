using Npgsql;
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
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = paymentIds });
        var payments = new List<TrackedPayment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            payments.Add(new TrackedPayment(
                reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), KnownStatusText.Parse(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return payments;
    }
}

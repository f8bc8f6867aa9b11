using Npgsql;

namespace Payments.Reconciliation.Checks;

internal static class CheckQueries
{
    public static async Task<PaymentChecks?> ForOrderAsync(NpgsqlDataSource dataSource, Guid orderId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var payment = new NpgsqlBatchCommand(
            """
            SELECT order_id, payment_id, provider, status, amount_minor, currency, created_at, checks, provider_errors, provider_status,
                   last_checked_at, last_error, stuck_at, CASE WHEN claim_id IS NULL THEN next_check_at END, updated_at
            FROM reconciliation.payments WHERE order_id = $1
            """);
        payment.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        var findings = new NpgsqlBatchCommand(
            "SELECT event_id, payment_id, kind, amount_minor, currency, found_at FROM reconciliation.findings WHERE order_id = $1 ORDER BY found_at, event_id");
        findings.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        batch.BatchCommands.Add(payment);
        batch.BatchCommands.Add(findings);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = (Id: reader.GetGuid(0), PaymentId: Text(reader, 1), Provider: Text(reader, 2), Status: reader.GetString(3), Amount: reader.GetInt64(4),
            Currency: reader.GetString(5), Created: reader.GetFieldValue<DateTimeOffset>(6), Checks: reader.GetInt32(7), Errors: reader.GetInt32(8),
            ProviderStatus: Text(reader, 9), LastChecked: Time(reader, 10), LastError: Text(reader, 11), Stuck: Time(reader, 12), Next: Time(reader, 13),
            Updated: reader.GetFieldValue<DateTimeOffset>(14));
        await reader.NextResultAsync(cancellationToken);
        var found = new List<PaymentFinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new PaymentFinding(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return new PaymentChecks(head.Id, head.PaymentId, head.Provider, head.Status, head.Amount, head.Currency, head.Created, head.Checks, head.Errors,
            head.ProviderStatus, head.LastChecked, head.LastError, head.Stuck, head.Next, head.Updated, found);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}

using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Reconciliation.Checks;

internal static class CheckQueries
{
    public static async Task<PaymentChecks?> ForOrderAsync(NpgsqlDataSource dataSource, Guid orderId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var payment = new NpgsqlBatchCommand(
            """
            SELECT order_id, payment_id, provider, status, amount_minor, currency, created_at, checks, provider_errors, provider_status,
                   last_checked_at, last_error, stuck_at, CASE WHEN claim_id IS NULL THEN next_check_at END AS next_check_at, updated_at
            FROM reconciliation.payments WHERE order_id = $1
            """).Bind(orderId);
        var findings = new NpgsqlBatchCommand(
            "SELECT event_id, payment_id, kind, amount_minor, currency, found_at, trace_id FROM reconciliation.findings WHERE order_id = $1 ORDER BY found_at, event_id")
            .Bind(orderId);
        var history = new NpgsqlBatchCommand(
            "SELECT checked_at, provider_status, error, trace_id FROM reconciliation.checks WHERE order_id = $1 ORDER BY checked_at, id")
            .Bind(orderId);
        batch.BatchCommands.Add(payment);
        batch.BatchCommands.Add(findings);
        batch.BatchCommands.Add(history);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = (Id: reader.Get<Guid>("order_id"), PaymentId: reader.GetOrNull<string>("payment_id"), Provider: reader.GetOrNull<string>("provider"),
            Status: reader.Get<string>("status"), Amount: reader.Get<long>("amount_minor"), Currency: reader.Get<string>("currency"),
            Created: reader.Get<DateTimeOffset>("created_at"), Checks: reader.Get<int>("checks"), Errors: reader.Get<int>("provider_errors"),
            ProviderStatus: reader.GetOrNull<string>("provider_status"), LastChecked: reader.Get<DateTimeOffset?>("last_checked_at"),
            LastError: reader.GetOrNull<string>("last_error"), Stuck: reader.Get<DateTimeOffset?>("stuck_at"), Next: reader.Get<DateTimeOffset?>("next_check_at"),
            Updated: reader.Get<DateTimeOffset>("updated_at"));
        await reader.NextResultAsync(cancellationToken);
        int eventId = reader.GetOrdinal("event_id"), paymentId = reader.GetOrdinal("payment_id"), kind = reader.GetOrdinal("kind"),
            amount = reader.GetOrdinal("amount_minor"), currency = reader.GetOrdinal("currency"), foundAt = reader.GetOrdinal("found_at"),
            trace = reader.GetOrdinal("trace_id");
        var found = new List<PaymentFinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new PaymentFinding(reader.GetGuid(eventId), reader.GetString(paymentId), reader.GetString(kind), reader.GetInt64(amount),
                reader.GetString(currency), reader.GetFieldValue<DateTimeOffset>(foundAt), reader.IsDBNull(trace) ? null : reader.GetString(trace)));
        }

        await reader.NextResultAsync(cancellationToken);
        var checks = new List<PaymentCheck>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checks.Add(new PaymentCheck(reader.Get<DateTimeOffset>("checked_at"), reader.GetOrNull<string>("provider_status"),
                reader.GetOrNull<string>("error"), reader.GetOrNull<string>("trace_id")));
        }

        return new PaymentChecks(head.Id, head.PaymentId, head.Provider, head.Status, head.Amount, head.Currency, head.Created, head.Checks, head.Errors,
            head.ProviderStatus, head.LastChecked, head.LastError, head.Stuck, head.Next, head.Updated, found, checks);
    }
}

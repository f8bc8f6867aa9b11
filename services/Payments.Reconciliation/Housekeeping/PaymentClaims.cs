using System.Diagnostics;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;
using Payments.Reconciliation.Diagnostics;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// Housekeeping's SQL. A claim is a lease written into the row itself (next_check_at pushed to the lease's end, a
/// claim id set) in a short transaction, so no transaction stays open across provider calls and several instances
/// share the work with FOR UPDATE SKIP LOCKED; if an instance dies mid-check, the payment is due again when the
/// lease ends. Settling writes the findings, their outbox rows and every payment's next check in one transaction.
/// </summary>
public static class PaymentClaims
{
    public static async Task<List<ClaimedPayment>> ClaimAsync(
        NpgsqlDataSource dataSource, int batchSize, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimId = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand(
            """
            WITH due AS (
                SELECT order_id FROM reconciliation.payments
                WHERE next_check_at <= $1
                ORDER BY next_check_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE reconciliation.payments p
            SET next_check_at = $1 + $3, claim_id = $4
            FROM due
            WHERE p.order_id = due.order_id
            RETURNING p.order_id, p.payment_id, p.provider, p.amount_minor, p.currency, p.created_at, p.status, p.checks, p.provider_errors
            """).Bind(now).Bind(batchSize).Bind(lease).Bind(claimId);
        var claimed = new List<ClaimedPayment>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // The ordinals once per claim, not per row.
        int orderId = reader.GetOrdinal("order_id"), paymentId = reader.GetOrdinal("payment_id"), provider = reader.GetOrdinal("provider"),
            amount = reader.GetOrdinal("amount_minor"), currency = reader.GetOrdinal("currency"), createdAt = reader.GetOrdinal("created_at"),
            status = reader.GetOrdinal("status"), checks = reader.GetOrdinal("checks"), providerErrors = reader.GetOrdinal("provider_errors");
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedPayment(
                reader.GetGuid(orderId), reader.GetString(paymentId), reader.GetString(provider), reader.GetInt64(amount), reader.GetString(currency),
                reader.GetFieldValue<DateTimeOffset>(createdAt), KnownStatusText.Parse(reader.GetString(status)), reader.GetInt32(checks),
                reader.GetInt32(providerErrors), claimId));
        }

        return claimed;
    }

    /// <returns>The findings announced now (not announced before) and how many payments became stuck.</returns>
    public static async Task<(List<PaymentEventReceived> Announced, int Stuck)> SettleAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<CheckOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var findings = outcomes.SelectMany(o => o.Findings.Select(f => (Finding: f, o.Trace))).ToList();
        var announced = findings.Count == 0 ? [] : await RecordFindingsAsync(connection, transaction, findings, cancellationToken);

        if (announced.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (finding, trace) in announced)
            {
                // The check's trace goes on: the outbox row carries this span as the message's parent.
                using var announce = ReconciliationTelemetry.Source.StartActivity("reconciliation.announce", ActivityKind.Producer, trace);
                // Mandatory: the event must reach Orders' queue; unroutable, the relay keeps it and retries.
                batch.BatchCommands.Add(OutboxWriter.Insert(finding, finding.EventId, mandatory: true));
            }

            batch.BatchCommands.Add(OutboxWriter.Notify());
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        // Before the settle releases the claims: only checks whose claim still held are recorded, as they are settled.
        await using (var history = RecordChecks(outcomes, now, connection, transaction))
        {
            await history.ExecuteNonQueryAsync(cancellationToken);
        }

        var stuck = 0;
        await using (var settle = Settle(outcomes, now, connection, transaction))
        await using (var reader = await settle.ExecuteReaderAsync(cancellationToken))
        {
            var becameStuck = reader.GetOrdinal("became_stuck");
            while (await reader.ReadAsync(cancellationToken))
            {
                stuck += reader.GetBoolean(becameStuck) ? 1 : 0;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ([.. announced.Select(a => a.Finding)], stuck);
    }

    private static async Task<List<(PaymentEventReceived Finding, ActivityContext Trace)>> RecordFindingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(PaymentEventReceived Finding, ActivityContext Trace)> findings,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reconciliation.findings (event_id, order_id, payment_id, kind, amount_minor, currency, trace_id)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """, connection, transaction)
            .Bind<Guid[]>([.. findings.Select(f => f.Finding.EventId)])
            .Bind<Guid[]>([.. findings.Select(f => Guid.Parse(f.Finding.OrderId!))])
            .Bind<string[]>([.. findings.Select(f => f.Finding.ProviderPaymentId)])
            .Bind<string[]>([.. findings.Select(f => f.Finding.Kind.ToString())])
            .Bind<long[]>([.. findings.Select(f => f.Finding.AmountMinor)])
            .Bind<string[]>([.. findings.Select(f => f.Finding.Currency)])
            .Bind<string?[]>([.. findings.Select(f => TraceId(f.Trace))]);
        var fresh = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var eventId = reader.GetOrdinal("event_id");
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh.Add(reader.GetGuid(eventId));
        }

        return findings.Where(f => fresh.Contains(f.Finding.EventId)).ToList();
    }

    private static NpgsqlCommand RecordChecks(IReadOnlyList<CheckOutcome> outcomes, DateTimeOffset now, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        new NpgsqlCommand(
            """
            INSERT INTO reconciliation.checks (order_id, checked_at, provider_status, error, trace_id)
            SELECT r.order_id, $6, r.provider_status, r.error, r.trace_id
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS r(order_id, claim_id, provider_status, error, trace_id)
            JOIN reconciliation.payments p ON p.order_id = r.order_id AND p.claim_id = r.claim_id
            """, connection, transaction)
        .Bind<Guid[]>([.. outcomes.Select(o => o.Payment.OrderId)])
        .Bind<Guid[]>([.. outcomes.Select(o => o.Payment.ClaimId)])
        .Bind<string?[]>([.. outcomes.Select(o => o.ProviderStatus?.ToString())])
        .Bind<string?[]>([.. outcomes.Select(o => o.Error)])
        .Bind<string?[]>([.. outcomes.Select(o => TraceId(o.Trace))])
        .Bind(now);

    private static string? TraceId(ActivityContext trace) => trace == default ? null : trace.TraceId.ToHexString();

    // Only the claim's holder writes back (claim_id matches). An outcome Orders reported meanwhile wins over the
    // schedule computed from the older view: a final status closes the watch, and an outcome is never "stuck".
    private static NpgsqlCommand Settle(IReadOnlyList<CheckOutcome> outcomes, DateTimeOffset now, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        new NpgsqlCommand(
            """
            UPDATE reconciliation.payments p
            SET next_check_at = CASE WHEN reconciliation.status_rank(p.status) >= 3 THEN NULL ELSE r.next_check_at END,
                checks = p.checks + CASE WHEN r.error IS NULL THEN 1 ELSE 0 END,
                provider_errors = CASE WHEN r.error IS NULL THEN 0 ELSE p.provider_errors + 1 END,
                provider_status = coalesce(r.provider_status, p.provider_status),
                last_checked_at = CASE WHEN r.error IS NULL THEN $7 ELSE p.last_checked_at END,
                last_error = r.error,
                stuck_at = CASE WHEN r.stuck AND p.status = 'awaiting_payment' THEN $7 ELSE p.stuck_at END,
                claim_id = NULL,
                updated_at = now()
            FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::bool[]) AS r(order_id, claim_id, next_check_at, provider_status, error, stuck)
            WHERE p.order_id = r.order_id AND p.claim_id = r.claim_id
            RETURNING r.stuck AND p.stuck_at IS NOT DISTINCT FROM $7 AS became_stuck
            """, connection, transaction)
        .Bind<Guid[]>([.. outcomes.Select(o => o.Payment.OrderId)])
        .Bind<Guid[]>([.. outcomes.Select(o => o.Payment.ClaimId)])
        .Bind<DateTimeOffset?[]>([.. outcomes.Select(o => o.NextCheckAt)])
        .Bind<string?[]>([.. outcomes.Select(o => o.ProviderStatus?.ToString())])
        .Bind<string?[]>([.. outcomes.Select(o => o.Error)])
        .Bind<bool[]>([.. outcomes.Select(o => o.Stuck)])
        .Bind(now);
}

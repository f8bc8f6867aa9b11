using Npgsql;
using Payments.Messaging.Postgres;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

/// <summary>
/// Our view of payments, written from Orders' events. Orders publishes them concurrently, so they may arrive in any
/// order: each write is an upsert that keeps the further-along status (Orders' own monotonic order), and an outcome
/// arriving before OrderCreated leaves a row that OrderCreated completes.
/// </summary>
internal static class PaymentView
{
    /// <summary>The payment exists at its provider: watch it, first check once it is StaleAfter old.</summary>
    public static NpgsqlBatchCommand Created(Guid orderId, string paymentId, string provider, long amountMinor, string currency, DateTimeOffset createdAt, TimeSpan staleAfter) =>
        new NpgsqlBatchCommand(
            """
            INSERT INTO reconciliation.payments AS p (order_id, payment_id, provider, amount_minor, currency, created_at, status, next_check_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'awaiting_payment', $6 + $7)
            ON CONFLICT (order_id) DO UPDATE
            SET payment_id = excluded.payment_id,
                provider = excluded.provider,
                amount_minor = excluded.amount_minor,
                currency = excluded.currency,
                created_at = excluded.created_at,
                next_check_at = CASE WHEN reconciliation.status_rank(p.status) >= 3 THEN NULL ELSE coalesce(p.next_check_at, excluded.next_check_at) END,
                updated_at = now()
            """)
        .Bind(orderId)
        .Bind(paymentId)
        .Bind(provider)
        .Bind<long>(amountMinor)
        .Bind(currency.ToUpperInvariant())
        .Bind(createdAt.ToUniversalTime())
        .Bind(staleAfter);

    /// <summary>
    /// Orders decided an outcome. A final one (refunded, needs attention) ends the watch; paid and failed stay
    /// watched until the deadline (a refund or a retry may follow); any outcome means the payment is not stuck.
    /// </summary>
    public static NpgsqlBatchCommand Outcome(Guid orderId, string? paymentId, KnownStatus status, long amountMinor, string currency, DateTimeOffset at) =>
        new NpgsqlBatchCommand(
            """
            INSERT INTO reconciliation.payments AS p (order_id, payment_id, amount_minor, currency, created_at, status)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (order_id) DO UPDATE
            SET status = CASE WHEN reconciliation.status_rank(excluded.status) > reconciliation.status_rank(p.status) THEN excluded.status ELSE p.status END,
                payment_id = coalesce(p.payment_id, excluded.payment_id),
                next_check_at = CASE WHEN greatest(reconciliation.status_rank(excluded.status), reconciliation.status_rank(p.status)) >= 3
                                     THEN NULL ELSE p.next_check_at END,
                stuck_at = NULL,
                updated_at = now()
            """)
        .Bind(orderId)
        .Bind(paymentId)
        .Bind<long>(amountMinor)
        .Bind(currency.ToUpperInvariant())
        .Bind(at.ToUniversalTime())
        .Bind(status.ToText());
}

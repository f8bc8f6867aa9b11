using System.Diagnostics;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Postgres;
using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>The writes a decision makes: the history row, and the order's move.</summary>
internal static class OrderHistory
{
    public static NpgsqlBatchCommand Record(Guid orderId, PaymentEventReceived @event, Decision decision) =>
        // On conflict: the inbox forgot the message (past its retention) and it came again: still a duplicate absorbed.
        new NpgsqlBatchCommand(
            """
            INSERT INTO orders.payment_events (event_id, order_id, kind, source, provider, provider_event_id, payment_id,
                amount_minor, currency, occurred_at, received_at, from_status, to_status, outcome, explanation, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (event_id) DO UPDATE SET duplicates = orders.payment_events.duplicates + 1
            """)
        .Bind(@event.EventId)
        .Bind(orderId)
        .Bind(@event.Kind.ToString())
        .Bind(@event.Source)
        .Bind(@event.Provider)
        .Bind(@event.ProviderEventId)
        .Bind(@event.ProviderPaymentId)
        .Bind<long>(@event.AmountMinor)
        .Bind(@event.Currency)
        .Bind(@event.OccurredAt)
        .Bind(@event.ReceivedAt)
        .Bind(decision.From.ToText())
        .Bind(decision.To.ToText())
        .Bind(decision.Outcome.ToString().ToLowerInvariant())
        .Bind(decision.Explanation)
        .Bind(TraceId());

    /// <summary>Counts a redelivery the inbox absorbed on the event's history row.</summary>
    public static NpgsqlBatchCommand CountDuplicate(Guid eventId) =>
        new NpgsqlBatchCommand("UPDATE orders.payment_events SET duplicates = duplicates + 1 WHERE event_id = $1").Bind(eventId);

    /// <summary>
    /// The trace of the span recording the row (the consume span: the inbox runs each handler under its message's); null
    /// outside a trace, bound as a text null like any string.
    /// </summary>
    public static string? TraceId() => Activity.Current?.TraceId.ToHexString();

    public static NpgsqlBatchCommand Move(Guid orderId, Decision decision, PaymentEventReceived @event) =>
        new NpgsqlBatchCommand(
            """
            UPDATE orders.orders
            SET status = $2,
                attention_reason = CASE WHEN $2 = 'needs_attention' THEN $3 ELSE attention_reason END,
                refunded_minor = CASE WHEN $2 = 'refunded' THEN $4 ELSE refunded_minor END,
                provider = CASE WHEN payment_id IS NULL THEN $6 ELSE provider END,
                payment_id = coalesce(payment_id, $5),
                updated_at = now()
            WHERE id = $1
            """)
        .Bind(orderId)
        .Bind(decision.To.ToText())
        .Bind(decision.Explanation)
        .Bind<long>(@event.AmountMinor)
        .Bind(@event.ProviderPaymentId)
        .Bind(@event.Provider);
}

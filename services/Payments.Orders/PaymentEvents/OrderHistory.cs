using System.Diagnostics;
using Npgsql;
using Payments.Contracts;
using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>The writes a decision makes: the history row, and the order's move.</summary>
internal static class OrderHistory
{
    public static NpgsqlBatchCommand Record(Guid orderId, PaymentEventReceived @event, Decision decision)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO orders.payment_events (event_id, order_id, kind, source, provider, provider_event_id, payment_id,
                amount_minor, currency, occurred_at, received_at, from_status, to_status, outcome, explanation, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (event_id) DO UPDATE SET duplicates = orders.payment_events.duplicates + 1
            """);
        // On conflict: the inbox forgot the message (past its retention) and it came again: still a duplicate absorbed.
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid> { TypedValue = @event.EventId });
        p.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.Kind.ToString() });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.Source });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.Provider });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.ProviderEventId });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.ProviderPaymentId });
        p.Add(new NpgsqlParameter<long> { TypedValue = @event.AmountMinor });
        p.Add(new NpgsqlParameter<string> { TypedValue = @event.Currency });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = @event.OccurredAt });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = @event.ReceivedAt });
        p.Add(new NpgsqlParameter<string> { TypedValue = decision.From.ToText() });
        p.Add(new NpgsqlParameter<string> { TypedValue = decision.To.ToText() });
        p.Add(new NpgsqlParameter<string> { TypedValue = decision.Outcome.ToString().ToLowerInvariant() });
        p.Add(new NpgsqlParameter<string> { TypedValue = decision.Explanation });
        p.Add(TraceId());
        return command;
    }

    /// <summary>Counts a redelivery the inbox absorbed on the event's history row.</summary>
    public static NpgsqlBatchCommand CountDuplicate(Guid eventId)
    {
        var command = new NpgsqlBatchCommand("UPDATE orders.payment_events SET duplicates = duplicates + 1 WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        return command;
    }

    /// <summary>The trace of the span recording the row (the consume span: the inbox runs each handler under its message's).</summary>
    public static NpgsqlParameter TraceId() => new NpgsqlParameter<string?>
    {
        TypedValue = Activity.Current?.TraceId.ToHexString(),
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text,
    };

    public static NpgsqlBatchCommand Move(Guid orderId, Decision decision, PaymentEventReceived @event)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE orders.orders
            SET status = $2,
                attention_reason = CASE WHEN $2 = 'needs_attention' THEN $3 ELSE attention_reason END,
                refunded_minor = CASE WHEN $2 = 'refunded' THEN $4 ELSE refunded_minor END,
                provider = CASE WHEN payment_id IS NULL THEN $6 ELSE provider END,
                payment_id = coalesce(payment_id, $5),
                updated_at = now()
            WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = decision.To.ToText() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = decision.Explanation });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = @event.AmountMinor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = @event.ProviderPaymentId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = @event.Provider });
        return command;
    }
}

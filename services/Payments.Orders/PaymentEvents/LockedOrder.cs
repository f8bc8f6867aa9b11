using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;
using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>The columns a payment event needs, read under FOR UPDATE.</summary>
internal sealed record LockedOrder(Guid Id, OrderStatus Status, long AmountMinor, string Currency, string CustomerEmail, string? Provider, string? PaymentId)
{
    public OrderTerms Terms => new(AmountMinor, Currency, Provider, PaymentId);

    public static NpgsqlBatchCommand Select(PaymentEventReceivedKey key)
    {
        // By our order id when the provider echoed it, else by the payment id we recorded (e.g. a Stripe charge).
        var command = new NpgsqlBatchCommand(
            """
            SELECT id, status, amount_minor, currency, customer_email, provider, payment_id
            FROM orders.orders
            WHERE id = $1 OR payment_id = $2
            ORDER BY (id = $1) DESC NULLS LAST
            LIMIT 1
            FOR UPDATE
            """);
        return command.Bind(key.OrderId, NpgsqlDbType.Uuid).Bind(key.PaymentId);
    }

    // By name with no ordinals kept: the query returns one row, so each name is looked up once per result set anyway.
    public static LockedOrder Map(NpgsqlDataReader reader) => new(
        reader.Get<Guid>("id"), OrderStatusText.Parse(reader.Get<string>("status")), reader.Get<long>("amount_minor"), reader.Get<string>("currency"),
        reader.Get<string>("customer_email"), reader.GetOrNull<string>("provider"), reader.GetOrNull<string>("payment_id"));
}

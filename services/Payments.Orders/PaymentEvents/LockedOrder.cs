using Npgsql;
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
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = key.OrderId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.PaymentId });
        return command;
    }

    public static LockedOrder Map(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), OrderStatusText.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
}

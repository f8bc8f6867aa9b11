using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Inbox;

namespace Payments.Orders.PaymentCreation;

/// <summary>
/// The outbox's retry of payment creation, for orders whose inline attempt failed (provider down, process crashed).
/// The Idempotency-Key makes a retry after a lost response return the same intent.
/// </summary>
public sealed class CreateOrderPaymentHandler(PaymentProviderClient provider) : IInboxHandler<CreateOrderPayment>
{
    public async Task HandleAsync(InboxContext<CreateOrderPayment> context, CancellationToken cancellationToken)
    {
        var orderId = context.Message.OrderId;
        var select = new NpgsqlBatchCommand(
            "SELECT amount_minor, currency, created_at, payment_id FROM orders.orders WHERE id = $1 FOR UPDATE");
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        var order = (await context.QueryAsync(select, r => (
            Amount: r.GetInt64(0), Currency: r.GetString(1), CreatedAt: r.GetFieldValue<DateTimeOffset>(2),
            PaymentId: r.IsDBNull(3) ? null : r.GetString(3)), cancellationToken)).FirstOrDefault();
        if (order == default || order.PaymentId is not null)
        {
            return; // unknown order (nothing to do) or already recorded inline
        }

        var paymentId = await provider.CreatePaymentIntentAsync(orderId, order.Amount, order.Currency, cancellationToken);
        context.Execute(PaymentRecording.Record(orderId, provider.Provider, paymentId));
        context.Publish(new OrderCreated(orderId, provider.Provider, paymentId, order.Amount, order.Currency, CustomerEmail: null, order.CreatedAt));
    }
}

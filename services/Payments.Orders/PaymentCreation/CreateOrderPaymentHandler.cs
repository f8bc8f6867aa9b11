using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Messaging.Postgres;

namespace Payments.Orders.PaymentCreation;

/// <summary>
/// The outbox's retry of payment creation, for orders whose inline attempt failed (provider down, process crashed).
/// A retry after a lost answer names the same payment (Stripe: the Idempotency-Key; LiqPay: the order's own id).
/// </summary>
public sealed class CreateOrderPaymentHandler(IPaymentCreator provider) : IInboxHandler<CreateOrderPayment>
{
    public async Task HandleAsync(InboxContext<CreateOrderPayment> context, CancellationToken cancellationToken)
    {
        var orderId = context.Message.OrderId;
        var select = new NpgsqlBatchCommand(
            "SELECT amount_minor, currency, created_at, payment_id FROM orders.orders WHERE id = $1 FOR UPDATE").Bind(orderId);
        var order = (await context.QueryAsync(select, r => (
            Amount: r.Get<long>("amount_minor"), Currency: r.Get<string>("currency"), CreatedAt: r.Get<DateTimeOffset>("created_at"),
            PaymentId: r.GetOrNull<string>("payment_id")), cancellationToken)).FirstOrDefault();
        if (order == default || order.PaymentId is not null)
        {
            return; // unknown order (nothing to do) or already recorded inline
        }

        var paymentId = await provider.CreateAsync(orderId, order.Amount, order.Currency, cancellationToken);
        context.Execute(PaymentRecording.Record(orderId, provider.Provider, paymentId));
        context.Publish(new OrderCreated(orderId, provider.Provider, paymentId, order.Amount, order.Currency, CustomerEmail: null, order.CreatedAt));
    }
}

using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Orders.Diagnostics;
using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>
/// Applies a canonical payment event to its order: lock the order, decide, record the event in the order's history,
/// move the order and announce it. Deduplication, the transaction and the outbox are the inbox's business.
/// It touches nothing outside the inbox transaction, so busy deliveries share commits.
/// </summary>
[GroupCommit]
public sealed class PaymentEventHandler(OrdersMetrics metrics, TimeProvider time) : IInboxHandler<PaymentEventReceived>
{
    public NpgsqlBatchCommand? OnDuplicate(PaymentEventReceived message, Guid messageId) => OrderHistory.CountDuplicate(message.EventId);

    public async Task HandleAsync(InboxContext<PaymentEventReceived> context, CancellationToken cancellationToken)
    {
        var @event = context.Message;
        var key = PaymentEventReceivedKey.From(@event);
        var order = (await context.QueryAsync(LockedOrder.Select(key), LockedOrder.Map, cancellationToken)).FirstOrDefault()
            ?? throw new OrderNotFoundException(@event.OrderId, @event.ProviderPaymentId);
        if (order.PaymentId is null && order.Status != OrderStatus.NeedsAttention)
        {
            throw new PaymentNotRecordedException(order.Id, @event.ProviderPaymentId);
        }

        var decision = OrderStateMachine.Decide(order.Status, order.Terms, @event);
        context.Execute(OrderHistory.Record(order.Id, @event, decision));
        metrics.EventDecided(@event.Kind, decision);
        if (!decision.Changed)
        {
            return;
        }

        var now = time.GetUtcNow();
        context.Execute(OrderHistory.Move(order.Id, decision, @event));
        var paymentId = order.PaymentId ?? @event.ProviderPaymentId;
        switch (decision.To)
        {
            // Each outcome twice: with the address for Notifications, without it for everyone else
            // (docs/decisions/0004-personal-data-in-messages.md).
            case OrderStatus.Paid:
                context.Publish(new OrderPaid(order.Id, paymentId, order.AmountMinor, order.Currency, order.CustomerEmail, @event.OccurredAt, @event.EventId));
                context.Publish(new OrderPaymentStatusChanged(order.Id, paymentId, OrderPaymentStatus.Paid, order.AmountMinor, null, order.Currency, @event.OccurredAt, @event.EventId));
                break;
            case OrderStatus.PaymentFailed:
                context.Publish(new OrderPaymentFailed(order.Id, paymentId, order.AmountMinor, order.Currency, order.CustomerEmail, @event.OccurredAt, @event.EventId));
                context.Publish(new OrderPaymentStatusChanged(order.Id, paymentId, OrderPaymentStatus.PaymentFailed, order.AmountMinor, null, order.Currency, @event.OccurredAt, @event.EventId));
                break;
            case OrderStatus.Refunded:
                context.Publish(new OrderRefunded(order.Id, paymentId, order.AmountMinor, @event.AmountMinor, order.Currency, order.CustomerEmail, @event.OccurredAt, @event.EventId));
                context.Publish(new OrderPaymentStatusChanged(order.Id, paymentId, OrderPaymentStatus.Refunded, order.AmountMinor, @event.AmountMinor, order.Currency, @event.OccurredAt, @event.EventId));
                break;
            case OrderStatus.NeedsAttention:
                context.Publish(new OrderNeedsAttention(order.Id, paymentId, decision.Explanation, order.AmountMinor, order.Currency,
                    @event.AmountMinor, @event.Currency, now, @event.EventId));
                break;
        }
    }
}

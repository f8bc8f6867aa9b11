using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

public sealed class OrderRefundedHandler : IInboxHandler<OrderRefunded>
{
    public Task HandleAsync(InboxContext<OrderRefunded> context, CancellationToken cancellationToken)
    {
        var refunded = context.Message;
        context.Execute(PaymentView.Outcome(refunded.OrderId, refunded.PaymentId, KnownStatus.Refunded, refunded.AmountMinor, refunded.Currency, refunded.RefundedAt));
        return Task.CompletedTask;
    }
}

using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

public sealed class OrderPaidHandler : IInboxHandler<OrderPaid>
{
    public Task HandleAsync(InboxContext<OrderPaid> context, CancellationToken cancellationToken)
    {
        var paid = context.Message;
        context.Execute(PaymentView.Outcome(paid.OrderId, paid.PaymentId, KnownStatus.Paid, paid.AmountMinor, paid.Currency, paid.PaidAt));
        return Task.CompletedTask;
    }
}

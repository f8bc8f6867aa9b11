using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

public sealed class OrderPaymentFailedHandler : IInboxHandler<OrderPaymentFailed>
{
    public Task HandleAsync(InboxContext<OrderPaymentFailed> context, CancellationToken cancellationToken)
    {
        var failed = context.Message;
        context.Execute(PaymentView.Outcome(failed.OrderId, failed.PaymentId, KnownStatus.PaymentFailed, failed.AmountMinor, failed.Currency, failed.FailedAt));
        return Task.CompletedTask;
    }
}

using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

/// <summary>
/// Orders decided the payment's outcome. We take the address-free event, not OrderPaid and its siblings: a customer's
/// address has no business here (docs/decisions/0004-personal-data-in-messages.md).
/// </summary>
public sealed class OrderPaymentStatusChangedHandler : IInboxHandler<OrderPaymentStatusChanged>
{
    public Task HandleAsync(InboxContext<OrderPaymentStatusChanged> context, CancellationToken cancellationToken)
    {
        var changed = context.Message;
        KnownStatus? status = changed.Status switch
        {
            OrderPaymentStatus.Paid => KnownStatus.Paid,
            OrderPaymentStatus.PaymentFailed => KnownStatus.PaymentFailed,
            OrderPaymentStatus.Refunded => KnownStatus.Refunded,
            _ => null, // a status added after this build: not for us
        };
        if (status is { } known)
        {
            context.Execute(PaymentView.Outcome(changed.OrderId, changed.PaymentId, known, changed.AmountMinor, changed.Currency, changed.ChangedAt));
        }

        return Task.CompletedTask;
    }
}

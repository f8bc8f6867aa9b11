using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

/// <summary>An operator owns the order now: housekeeping stops asking about it (the report still compares it).</summary>
public sealed class OrderNeedsAttentionHandler : IInboxHandler<OrderNeedsAttention>
{
    public Task HandleAsync(InboxContext<OrderNeedsAttention> context, CancellationToken cancellationToken)
    {
        var attention = context.Message;
        context.Execute(PaymentView.Outcome(attention.OrderId, attention.PaymentId, KnownStatus.NeedsAttention,
            attention.ExpectedAmountMinor, attention.ExpectedCurrency, attention.DetectedAt));
        return Task.CompletedTask;
    }
}

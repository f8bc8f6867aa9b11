using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.OrderEvents;

/// <summary>An order's payment exists at the provider: from now on we expect an outcome for it.</summary>
public sealed class OrderCreatedHandler(IOptions<ReconciliationOptions> options) : IInboxHandler<OrderCreated>
{
    public Task HandleAsync(InboxContext<OrderCreated> context, CancellationToken cancellationToken)
    {
        var created = context.Message;
        context.Execute(PaymentView.Created(created.OrderId, created.PaymentId, created.Provider, created.AmountMinor, created.Currency,
            created.CreatedAt, options.Value.StaleAfter));
        return Task.CompletedTask;
    }
}

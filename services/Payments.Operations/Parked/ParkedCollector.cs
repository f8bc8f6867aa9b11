using Payments.Operations.ServiceApis;

namespace Payments.Operations.Parked;

/// <summary>Asks each owning service for what it parked, all at once, with the operator's token.</summary>
public sealed class ParkedCollector(OrdersApi orders, NotificationsApi notifications, ReconciliationApi reconciliation)
{
    public async Task<ParkedList> CollectAsync(int limit, CancellationToken cancellationToken)
    {
        var fromOrders = Ask(ParkedServices.Orders, async () => Outbox(ParkedServices.Orders, await orders.ParkedAsync(limit, cancellationToken)));
        var fromReconciliation = Ask(ParkedServices.Reconciliation,
            async () => Outbox(ParkedServices.Reconciliation, await reconciliation.ParkedAsync(limit, cancellationToken)));
        var fromNotifications = Ask(ParkedServices.Notifications, async () => (await notifications.ParkedAsync(limit, cancellationToken))
            .Select(n => new ParkedItem(ParkedServices.Notifications, n.Id, "notification", n.LastError, n.ParkedAt, n.Attempts, n.Kind, null, n.OrderId, n.CreatedAt))
            .ToList());
        var answers = await Task.WhenAll(fromOrders, fromReconciliation, fromNotifications);
        return new ParkedList(
            [.. answers.SelectMany(a => a.Items).OrderByDescending(i => i.ParkedAt)],
            [.. answers.Where(a => a.Unavailable is not null).Select(a => a.Unavailable!)]);
    }

    private static List<ParkedItem> Outbox(string service, List<ParkedOutboxMessage> rows) =>
        [.. rows.Select(r => new ParkedItem(service, r.Id, "outbox", r.LastError, new DateTimeOffset(DateTime.SpecifyKind(r.ParkedAt, DateTimeKind.Utc)),
            r.Attempts, r.MessageType, r.Destination, null, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc))))];

    private static async Task<(List<ParkedItem> Items, UnavailableService? Unavailable)> Ask(string service, Func<Task<List<ParkedItem>>> call)
    {
        try
        {
            return (await call(), null);
        }
        catch (Exception ex) when (Unanswered.Is(ex))
        {
            return ([], new UnavailableService(service, (int?)(ex as HttpRequestException)?.StatusCode, ex.Message));
        }
    }
}

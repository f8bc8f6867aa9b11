using Payments.Operations.DeadLetters;
using Payments.Operations.Parked;
using Payments.Operations.ServiceApis;

namespace Payments.Operations.Now;

/// <summary>Asks every source at once; one that fails or is slow costs only its own part.</summary>
public sealed class NowCollector(
    ManagementApi broker, IngressApi ingress, OrdersApi orders, ReconciliationApi reconciliation, NotificationsApi notifications, DeadLetterStore deadLetters, TimeProvider time)
{
    /// <summary>Reconciliation's report window for stuck payments: its longest (31 days) less a day of margin.</summary>
    private static readonly TimeSpan StuckWindow = TimeSpan.FromDays(30);

    /// <summary>The ingress's window for webhooks per minute and refusals.</summary>
    public const int TrafficMinutes = 15;

    public async Task<NowSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var unavailable = new List<UnavailableService>();
        var queues = Ask("rabbitmq", () => broker.QueuesAsync(cancellationToken), unavailable);
        var traffic = Ask("ingress", () => ingress.TrafficAsync(TrafficMinutes, cancellationToken), unavailable);
        var ordersBacklog = Ask(ParkedServices.Orders, () => orders.BacklogAsync(cancellationToken), unavailable);
        var reconciliationBacklog = Ask(ParkedServices.Reconciliation, () => reconciliation.BacklogAsync(cancellationToken), unavailable);
        var parkedNotifications = Ask(ParkedServices.Notifications, async () => (long?)await notifications.ParkedCountAsync(cancellationToken), unavailable);
        var stuck = Ask(ParkedServices.Reconciliation + " report", async () => (int?)await reconciliation.StuckCountAsync(now - StuckWindow, now, cancellationToken), unavailable);
        var held = new[]
        {
            Ask(ParkedServices.Orders + " consumers", () => orders.ReceiveEndpointsAsync(cancellationToken), unavailable),
            Ask(ParkedServices.Reconciliation + " consumers", () => reconciliation.ReceiveEndpointsAsync(cancellationToken), unavailable),
            Ask(ParkedServices.Notifications + " consumers", () => notifications.ReceiveEndpointsAsync(cancellationToken), unavailable),
        };
        var counts = await deadLetters.CountsByStateAsync(cancellationToken);
        await Task.WhenAll([queues, traffic, ordersBacklog, reconciliationBacklog, parkedNotifications, stuck, .. held]);

        var outbox = new List<ServiceBacklog>();
        foreach (var (service, backlog) in new[] { (ParkedServices.Orders, await ordersBacklog), (ParkedServices.Reconciliation, await reconciliationBacklog) })
        {
            if (backlog is not null)
            {
                outbox.Add(new ServiceBacklog(service, backlog.Pending, backlog.OldestPendingSeconds, backlog.Parked));
            }
        }

        var webhooks = await traffic;
        var depths = await queues;
        var ages = depths is null ? null : QueueAges.Merge(depths, (await Task.WhenAll(held)).SelectMany(h => h ?? []));
        return new NowSnapshot(now, ages, outbox, await parkedNotifications,
            new DeadLetterCounts(counts[DeadLetterState.Dead], counts[DeadLetterState.Replayed], counts[DeadLetterState.Discarded]),
            await stuck,
            webhooks?.Sources.Select(s => new WebhookRate(s.Source, s.PerMinute, s.Received, s.Rejected.Values.Sum())).ToList(),
            webhooks?.Sources.SelectMany(s => s.Rejected.Select(r => new WebhookRejections(s.Source, r.Key, r.Value)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList(),
            unavailable);
    }

    private static async Task<T?> Ask<T>(string source, Func<Task<T>> call, List<UnavailableService> unavailable)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Unanswered.Is(ex) || ex is KeyNotFoundException)
        {
            lock (unavailable)
            {
                unavailable.Add(new UnavailableService(source, (int?)(ex as HttpRequestException)?.StatusCode, ex.Message));
            }

            return default;
        }
    }
}

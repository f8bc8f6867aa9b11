using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.Inbox;

/// <summary>
/// A backlog (the service was down) of events, each delivered twice, and two for orders that do not exist, meets a
/// service that commits busy deliveries in groups: every order moves once, every duplicate is absorbed, and the two
/// orphans fail alone, through the retries to the error queue, without failing the groups they arrived with.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_a_backlog_is_committed_in_groups(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    private const int Orders = 120;
    private readonly MetricTotals _metrics = new("payments.inbox.group_size", "payments.inbox.duplicates");

    public override async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_apply_each_event_once_absorb_every_duplicate_and_fail_only_the_orphans()
    {
        var ct = TestContext.Current.CancellationToken;
        var (orders, payments) = await Scenario.CreateOrdersAsync(Orders, i => 1000 + i);

        await Scenario.StopAppsAsync();
        var paidWatch = await Scenario.Bus.WatchAsync(typeof(OrderPaid));
        var events = orders.Select((id, i) => Infrastructure.PaymentEvents.For(id, PaymentEventKind.Succeeded, 1000 + i, "EUR", payments[id])).ToList();
        var orphans = Enumerable.Range(0, 2).Select(_ => Infrastructure.PaymentEvents.For(Guid.NewGuid(), PaymentEventKind.Succeeded, paymentId: "pi_orphan")).ToList();
        // Every event twice: the first half back to back (duplicates within one group), the orphans, then the second half
        // at a distance (duplicates of rows committed by an earlier group).
        var deliveries = events.Take(Orders / 2).SelectMany(e => new[] { e, e }).Concat(orphans).Concat(events.Skip(Orders / 2)).Concat(events.Skip(Orders / 2));
        foreach (var @event in deliveries)
        {
            await Scenario.Bus.PublishAsync(@event);
        }

        await Scenario.StartAppAsync();

        await Eventually.TrueAsync(async () => await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.orders WHERE status = 'paid'") == Orders,
            TimeSpan.FromSeconds(30), $"all {Orders} orders paid", ct);
        var orphanIds = orphans.Select(o => o.EventId.ToString()).ToHashSet();
        var deadLettered = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            while (await Servers.Broker.GetAsync("orders-payment-events_error", ct) is { } faulted)
            {
                deadLettered.Add(faulted.Properties.MessageId!);
            }

            return orphanIds.IsSubsetOf(deadLettered);
        }, TimeSpan.FromSeconds(30), "both orphans in the error queue", ct);

        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events")).ShouldBe(Orders);
        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM messaging.inbox")).ShouldBe(Orders);
        deadLettered.ShouldNotContain(id => events.Any(e => e.EventId.ToString() == id));
        var paid = new List<Guid>();
        await Eventually.TrueAsync(async () =>
        {
            paid.AddRange((await Scenario.Bus.DrainAsync(paidWatch)).Select(m => m.Message.GetProperty("orderId").GetGuid()));
            return paid.Count >= Orders;
        }, TimeSpan.FromSeconds(20), $"{Orders} OrderPaid events", ct);
        paid.ShouldBe(orders, ignoreOrder: true);

        // The backlog really went through groups: on average more than one delivery per transaction.
        var groups = _metrics.Count("payments.inbox.group_size");
        groups.ShouldBeGreaterThan(0);
        ((double)_metrics["payments.inbox.group_size"] / groups).ShouldBeGreaterThan(1.5);
        _metrics["payments.inbox.duplicates"].ShouldBeGreaterThanOrEqualTo(Orders);
    }
}

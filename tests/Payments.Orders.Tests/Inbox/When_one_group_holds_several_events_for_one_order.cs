using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.Inbox;

/// <summary>
/// Succeeded, failed and refunded for the same order, back to back in a backlog, so they share groups: each must meet
/// the order as the one before it left it, as if committed in turn. Deciding them all against the order as it was
/// before the group would let several of them "move" it from awaiting payment and announce each move.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_one_group_holds_several_events_for_one_order(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    private const int Orders = 40;
    private readonly MetricTotals _metrics = new("payments.inbox.group_size", "payments.inbox.group_failures");

    public override async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_apply_them_in_turn_as_separate_transactions_would()
    {
        var ct = TestContext.Current.CancellationToken;
        var (orders, payments) = await Scenario.CreateOrdersAsync(Orders, _ => 2000);

        await Scenario.StopAppsAsync();
        var watch = await Scenario.Bus.WatchAsync(typeof(OrderPaid), typeof(OrderPaymentFailed), typeof(OrderRefunded));
        foreach (var id in orders)
        {
            await Scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(id, PaymentEventKind.Succeeded, 2000, "EUR", payments[id]));
            await Scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(id, PaymentEventKind.Failed, 2000, "EUR", payments[id]));
            await Scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(id, PaymentEventKind.Refunded, 2000, "EUR", payments[id]));
        }

        await Scenario.StartAppAsync();

        await Eventually.TrueAsync(async () => await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events") == 3 * Orders,
            TimeSpan.FromSeconds(30), "every event recorded", ct);
        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.orders WHERE status = 'refunded'")).ShouldBe(Orders);
        // Applied in turn, only the first of an order's events met it awaiting payment, whatever the order they came in.
        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events WHERE from_status = 'awaiting_payment'")).ShouldBe(Orders);
        (await Scenario.App.ScalarAsync<long>("SELECT count(DISTINCT order_id) FROM orders.payment_events WHERE from_status = 'awaiting_payment'")).ShouldBe(Orders);

        var announced = new List<string>();
        var transitions = await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events WHERE outcome = 'applied'");
        await Eventually.TrueAsync(async () =>
        {
            announced.AddRange((await Scenario.Bus.DrainAsync(watch)).Select(m => m.Type));
            return announced.Count >= transitions;
        }, TimeSpan.FromSeconds(20), "an event per transition", ct);
        announced.Count.ShouldBe((int)transitions); // one announcement per transition, none for an event that moved nothing
        announced.Count(t => t.EndsWith(":OrderRefunded", StringComparison.Ordinal)).ShouldBe(Orders);
        announced.Count(t => t.EndsWith(":OrderPaid", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(Orders);

        // They did share transactions, and groups committed as groups. Two leaders' groups may lock the same orders in
        // opposite order: PostgreSQL then aborts one (a deadlock) and its deliveries run alone, so a few may fail; a
        // mechanism that failed every group (e.g. a misread batch) would not pass.
        var groups = _metrics.Count("payments.inbox.group_size");
        ((double)_metrics["payments.inbox.group_size"] / Math.Max(1, groups)).ShouldBeGreaterThan(1.5);
        (_metrics["payments.inbox.group_failures"] * 2).ShouldBeLessThan(groups);
    }
}

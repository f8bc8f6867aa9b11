using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.PaymentEvents;

/// <summary>
/// Two consumer instances on one queue and one database, each order receiving the same outcome twice under
/// different event ids at once (a webhook and a reconciliation result): the row lock serializes them, one applies.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_two_instances_race_on_the_same_orders(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await OrdersScenario.CreateAsync(infrastructure);
        await _scenario.StartAppAsync();
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_stay_consistent_with_one_transition_and_one_event_per_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var (orders, payments) = await _scenario.CreateOrdersAsync(20, i => 1000 + i);

        var watch = await _scenario.Bus.WatchAsync(typeof(OrderPaid));
        var events = orders.SelectMany((id, i) => new[]
        {
            Infrastructure.PaymentEvents.For(id, PaymentEventKind.Succeeded, 1000 + i, "EUR", payments[id], source: "stripe"),
            Infrastructure.PaymentEvents.For(id, PaymentEventKind.Succeeded, 1000 + i, "EUR", payments[id], source: "reconciliation"),
        });
        await Task.WhenAll(events.Select(e => _scenario.Bus.PublishAsync(e)));

        await Eventually.TrueAsync(async () => await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events") == 40,
            TimeSpan.FromSeconds(30), "all 40 events to be recorded", ct);
        (await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.orders WHERE status = 'paid'")).ShouldBe(20);
        (await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.payment_events WHERE outcome = 'applied'")).ShouldBe(20);

        var paid = new List<Guid>();
        await Eventually.TrueAsync(async () =>
        {
            paid.AddRange((await _scenario.Bus.DrainAsync(watch)).Select(m => m.Message.GetProperty("orderId").GetGuid()));
            return paid.Count >= 20;
        }, TimeSpan.FromSeconds(20), "20 OrderPaid events", ct);
        paid.ShouldBe(orders, ignoreOrder: true);
    }
}

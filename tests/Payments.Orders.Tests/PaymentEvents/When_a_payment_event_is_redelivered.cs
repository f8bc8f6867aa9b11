using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Payments.Testing.Messaging;
using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.PaymentEvents;

[Collection(OrdersCollection.Name)]
public sealed class When_a_payment_event_is_redelivered(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private MetricTotals _metrics = null!;
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await OrdersScenario.CreateAsync(infrastructure);
        // This app's counters only: other test classes run their own apps in this process at the same time.
        _metrics = new MetricTotals(_scenario.App.Services.GetRequiredService<IMeterFactory>(), "payments.inbox.handled", "payments.inbox.duplicates");
    }

    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_change_the_order_once_and_publish_one_message()
    {
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var watch = await _scenario.Bus.WatchAsync(typeof(OrderPaid));
        var succeeded = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);
        var handledBefore = _metrics["payments.inbox.handled"];

        for (var i = 0; i < 5; i++)
        {
            await _scenario.Bus.PublishAsync(succeeded);
        }

        await Eventually.TrueAsync(() => _metrics["payments.inbox.handled"] - handledBefore + _metrics["payments.inbox.duplicates"] >= 5,
            TimeSpan.FromSeconds(30), "all five deliveries to be handled or recognised as duplicates", TestContext.Current.CancellationToken);
        (_metrics["payments.inbox.handled"] - handledBefore).ShouldBe(1);
        _metrics["payments.inbox.duplicates"].ShouldBe(4);

        var after = await _scenario.GetOrderAsync(order.Id);
        after.Status.ShouldBe("paid");
        after.History.Count.ShouldBe(1);
        var published = await Eventually.ValueAsync(() => _scenario.Bus.DrainAsync(watch), m => m.Count > 0,
            TimeSpan.FromSeconds(15), "OrderPaid to be relayed", TestContext.Current.CancellationToken);
        // The relay deletes a row in the transaction that follows the broker's confirm: wait for that commit.
        await Eventually.TrueAsync(async () => await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox") == 0,
            TimeSpan.FromSeconds(10), "the relayed row to be removed", TestContext.Current.CancellationToken);
        published.Count.ShouldBe(1);
        published[0].Message.GetProperty("orderId").GetGuid().ShouldBe(order.Id);
        published[0].Message.GetProperty("causationId").GetGuid().ShouldBe(succeeded.EventId);
    }
}

using System.Text.Json;
using Payments.Contracts;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Reconciliation.Tests.EndToEnd;

/// <summary>
/// The ingress is down when the payment succeeds, so the provider keeps retrying its webhook; reconciliation finds
/// the outcome first. When the ingress is back the webhook arrives too: two events, one change.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_webhook_arrives_after_reconciliation_found_the_outcome(PaymentSystem system) : IAsyncLifetime
{
    private ReconciliationApp _app = null!;
    private TestBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl);
        _bus = await TestBus.ConnectAsync(system.Broker);
    }

    [Fact]
    public async Task Should_change_the_order_once()
    {
        var paidEvents = await _bus.WatchAsync(typeof(OrderPaid));
        await system.Ingress.StopAsync(TestContext.Current.CancellationToken);
        var (orderId, paymentId) = await system.Orders.CreateAsync();
        await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");

        await Eventually.TrueAsync(async () => await system.Orders.StatusAsync(orderId) == "paid",
            TimeSpan.FromSeconds(30), "reconciliation to find the payment succeeded", TestContext.Current.CancellationToken);
        await system.Ingress.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var history = await Eventually.ValueAsync(
            async () => (await system.Orders.GetAsync(orderId)).GetProperty("history").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "Succeeded").ToList(),
            events => events.Count == 2, TimeSpan.FromSeconds(60), "the retried webhook to reach the order", TestContext.Current.CancellationToken);
        history.Select(Describe).ShouldBe(["reconciliation: applied", "stripe: unchanged"], ignoreOrder: false);
        (await system.Orders.StatusAsync(orderId)).ShouldBe("paid");
        (await _bus.DrainAsync(paidEvents)).Count(m => m.Message.GetProperty("orderId").GetGuid() == orderId).ShouldBe(1);
    }

    public async ValueTask DisposeAsync()
    {
        if (!system.Ingress.IsRunning)
        {
            await system.Ingress.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        await _bus.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string Describe(JsonElement e) => $"{e.GetProperty("source").GetString()}: {e.GetProperty("outcome").GetString()}";
}

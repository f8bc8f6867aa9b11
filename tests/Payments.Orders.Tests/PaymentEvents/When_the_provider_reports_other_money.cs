using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.PaymentEvents;

[Collection(OrdersCollection.Name)]
public sealed class When_the_provider_reports_other_money(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_flag_the_order_for_attention_with_the_reason_and_say_so()
    {
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var watch = await _scenario.Bus.WatchAsync(typeof(OrderNeedsAttention), typeof(OrderPaid));

        await _scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4100, "EUR", order.Payment!.PaymentId));

        var flagged = await Eventually.ValueAsync(() => _scenario.GetOrderAsync(order.Id), o => o.Status == "needs_attention",
            TimeSpan.FromSeconds(15), "the order to need attention", TestContext.Current.CancellationToken);
        flagged.AttentionReason.ShouldNotBeNull().ShouldContain("Amount mismatch");
        var published = await Eventually.ValueAsync(() => _scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderNeedsAttention", TestContext.Current.CancellationToken);
        published.Single().Type.ShouldBe("urn:message:Payments.Contracts:OrderNeedsAttention");
        published.Single().Message.GetProperty("reportedAmountMinor").GetInt64().ShouldBe(4100);
    }
}

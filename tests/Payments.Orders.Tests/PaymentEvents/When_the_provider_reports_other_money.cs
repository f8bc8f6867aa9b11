using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.PaymentEvents;

[Collection(OrdersCollection.Name)]
public sealed class When_the_provider_reports_other_money(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    [Fact]
    public async Task Should_flag_the_order_for_attention_with_the_reason_and_say_so()
    {
        var order = await Scenario.CreateOrderAsync(4200, "EUR");
        var watch = await Scenario.Bus.WatchAsync(typeof(OrderNeedsAttention), typeof(OrderPaid));

        await Scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4100, "EUR", order.Payment!.PaymentId));

        var flagged = await Eventually.ValueAsync(() => Scenario.GetOrderAsync(order.Id), o => o.Status == "needs_attention",
            TimeSpan.FromSeconds(15), "the order to need attention", TestContext.Current.CancellationToken);
        flagged.AttentionReason.ShouldNotBeNull().ShouldContain("Amount mismatch");
        var published = await Eventually.ValueAsync(() => Scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderNeedsAttention", TestContext.Current.CancellationToken);
        published.Single().Type.ShouldBe("urn:message:Payments.Contracts:OrderNeedsAttention");
        published.Single().Message.GetProperty("reportedAmountMinor").GetInt64().ShouldBe(4100);
    }
}

using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.PaymentEvents;

[Collection(OrdersCollection.Name)]
public sealed class When_an_event_is_not_about_the_orders_payment(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    [Fact]
    public async Task Should_flag_the_order_and_pay_nothing_when_another_source_names_it()
    {
        var order = await Scenario.CreateOrderAsync(4200, "EUR");
        var foreign = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId, source: "acme")
            with { Provider = "standard-webhooks" };

        await ShouldFlagAsync(order.Id, foreign, "Provider mismatch");
    }

    [Fact]
    public async Task Should_flag_the_order_and_pay_nothing_when_the_event_names_another_payment()
    {
        var order = await Scenario.CreateOrderAsync(4200, "EUR");
        var other = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", "pi_not_this_orders");

        await ShouldFlagAsync(order.Id, other, "Payment mismatch");
    }

    private async Task ShouldFlagAsync(Guid orderId, PaymentEventReceived @event, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = await Scenario.Bus.WatchAsync(typeof(OrderNeedsAttention), typeof(OrderPaid));

        await Scenario.Bus.PublishAsync(@event);

        var flagged = await Eventually.ValueAsync(() => Scenario.GetOrderAsync(orderId), o => o.Status == "needs_attention",
            TimeSpan.FromSeconds(15), "the order to need attention", ct);
        flagged.AttentionReason.ShouldNotBeNull().ShouldStartWith(reason);
        var published = await Eventually.ValueAsync(() => Scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderNeedsAttention", ct);
        published.Single().Type.ShouldBe("urn:message:Payments.Contracts:OrderNeedsAttention");
        published.Single().Message.GetProperty("reason").GetString().ShouldNotBeNull().ShouldStartWith(reason);
        (await Scenario.App.ScalarAsync<string>($"SELECT outcome FROM orders.payment_events WHERE event_id = '{@event.EventId}'")).ShouldBe("foreign");
    }
}

using System.Text;
using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.PaymentEvents;

/// <summary>
/// An event may carry only the payment id; one that matches no order may race the order's creation: retried after
/// delays it waits out in the broker, then dead-lettered with the reason, never acknowledged silently.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_an_event_has_no_order(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    [Fact]
    public async Task Should_find_the_order_by_the_payment_id_it_recorded_when_the_event_has_no_order_id()
    {
        var order = await Scenario.CreateOrderAsync(4200, "EUR");
        var refund = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Refunded, 4200, "EUR", order.Payment!.PaymentId);

        await Scenario.Bus.PublishAsync(refund with { OrderId = null }); // a Stripe charge.refunded carries no order metadata

        await Eventually.TrueAsync(async () => (await Scenario.GetOrderAsync(order.Id)).Status == "refunded",
            TimeSpan.FromSeconds(15), "the event to find its order by payment id", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_dead_letter_it_with_the_reason_after_the_retries()
    {
        var orphan = Infrastructure.PaymentEvents.For(Guid.NewGuid(), PaymentEventKind.Succeeded, paymentId: "pi_nobody_knows");

        await Scenario.Bus.PublishAsync(orphan);

        var faulted = await Eventually.ValueAsync(() => Servers.Broker.GetAsync("orders-payment-events_error", TestContext.Current.CancellationToken),
            m => m is not null, TimeSpan.FromSeconds(20), "the event in the error queue", TestContext.Current.CancellationToken);
        faulted!.Properties.MessageId.ShouldBe(orphan.EventId.ToString());
        var reason = Encoding.UTF8.GetString((byte[])faulted.Properties.Headers!["MT-Fault-Message"]!);
        reason.ShouldContain("No order matches");
        // It waited out both test intervals (100 and 300 ms) in the broker's delay queues before it was given up.
        Convert.ToInt32(faulted.Properties.Headers!["payments-not-found-attempt"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2);
    }
}

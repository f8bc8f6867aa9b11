using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.PaymentEvents;

/// <summary>Webhooks arrive out of order: every arrival order of the same events ends in the same state.</summary>
[Collection(OrdersCollection.Name)]
public sealed class When_payment_events_arrive_in_any_order(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    public static TheoryData<string> Permutations => ["SFR", "SRF", "FSR", "FRS", "RSF", "RFS", "SF", "FS", "FF", "SS"];

    [Theory]
    [MemberData(nameof(Permutations))]
    public async Task Should_converge_on_the_same_final_state(string arrival)
    {
        var order = await Scenario.CreateOrderAsync(4200, "EUR");
        var published = 0;
        foreach (var kind in arrival.Select(ToKind))
        {
            await Scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(order.Id, kind, 4200, "EUR", order.Payment!.PaymentId));
            published++;
            // Force this arrival order: wait until the event is in the order's history before sending the next.
            await Eventually.TrueAsync(async () => (await Scenario.GetOrderAsync(order.Id)).History.Count == published,
                TimeSpan.FromSeconds(20), $"event {published} of {arrival} to be recorded", TestContext.Current.CancellationToken);
        }

        var final = await Scenario.GetOrderAsync(order.Id);
        final.Status.ShouldBe(arrival.Contains('R') ? "refunded" : arrival.Contains('S') ? "paid" : "payment_failed", string.Join(" | ", final.History.Select(h => h.Explanation)));
    }

    private static PaymentEventKind ToKind(char c) => c switch
    {
        'S' => PaymentEventKind.Succeeded,
        'F' => PaymentEventKind.Failed,
        _ => PaymentEventKind.Refunded,
    };
}

using System.Diagnostics;
using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.PaymentEvents;

/// <summary>
/// An event whose order is not found waits for its next attempt in the broker, not in a consumer slot: with a single
/// slot and a long delay, the events behind it are still applied at once.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_an_event_waits_for_its_order(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private const int DelayMs = 5_000;
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure, new Dictionary<string, string?>
    {
        ["Orders:PaymentEvents:Concurrency"] = "1",
        ["Orders:PaymentEvents:NotFoundRetryIntervals:0"] = DelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orders:PaymentEvents:NotFoundRetryIntervals:1"] = DelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        // The orphan's copy must not come back into a later test's service.
        await infrastructure.Broker.PurgeAsync($"orders-payment-events.not-found-{DelayMs}ms");
    }

    [Fact]
    public async Task Should_apply_the_events_behind_it_without_waiting()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var orphan = Infrastructure.PaymentEvents.For(Guid.NewGuid(), PaymentEventKind.Succeeded, paymentId: "pi_not_yet");
        var succeeded = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);

        var published = Stopwatch.StartNew();
        await _scenario.Bus.PublishAsync(orphan);
        await _scenario.Bus.PublishAsync(succeeded);

        await Eventually.TrueAsync(async () => (await _scenario.GetOrderAsync(order.Id)).Status == "paid",
            TimeSpan.FromSeconds(DelayMs / 1000.0 * 0.8), "the event behind the orphan applied before the orphan's delay ended", ct);
        published.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(DelayMs));
        (await infrastructure.Broker.MessageCountAsync($"orders-payment-events.not-found-{DelayMs}ms", ct)).ShouldBe(1u, "the orphan waits in the broker");
    }

    [Fact]
    public async Task Should_not_start_with_a_delay_that_is_not_positive()
    {
        var failure = await Should.ThrowAsync<Exception>(() => _scenario.StartAppAsync(
            new Dictionary<string, string?> { ["Orders:PaymentEvents:NotFoundRetryIntervals:1"] = "0" }));

        failure.ToString().ShouldContain("Orders:PaymentEvents:NotFoundRetryIntervals:1 must be a positive number of milliseconds");
    }
}

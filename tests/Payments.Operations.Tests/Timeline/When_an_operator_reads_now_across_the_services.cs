using System.Net.Http.Json;
using Payments.Contracts;
using Payments.Operations.Now;
using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Operations.Tests.Timeline;

/// <summary>
/// GET /api/now's figures from the real Orders, Notifications and Reconciliation: every consumer queue with its
/// consumer, both outboxes, the parked notifications Notifications counts (a paid order whose address no server would
/// take is parked at once) and the dead letters by state. The stuck payments come from Reconciliation's report, which
/// reads the provider's listing: the collection's stub provider serves none, so that part is named unavailable.
/// </summary>
[Collection(StoryCollection.Name)]
public sealed class When_an_operator_reads_now_across_the_services(StorySystem system) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await system.StartOperationsAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await PoisonMessages.ForgetAsync(system.Broker, "orders-payment-events");
    }

    [Fact]
    public async Task Should_count_what_each_service_holds_parks_and_dead_letters()
    {
        var before = await NowAsync();
        var parkedBefore = before.ParkedNotifications.ShouldNotBeNull();

        await using var bus = await TestBus.ConnectAsync(system.Broker);
        var unreachable = new OrderPaid(Guid.NewGuid(), "pi_now_parked", 4200, "EUR", "not an address", DateTimeOffset.UtcNow, Guid.NewGuid());
        await bus.PublishAsync(unreachable, typeof(OrderPaid), Guid.NewGuid());
        var valid = PaymentEvents.Succeeded(Guid.NewGuid(), "pi_now_poison");
        await PoisonMessages.SendAsync(system.Broker, "orders-payment-events", valid, typeof(PaymentEventReceived), Ct);
        var page = await _client.DeadLettersAsync("?queue=orders-payment-events_error", PoisonMessages.Kinds.Length);
        (await _client.PostAsJsonAsync("/api/dead-letters/discard", new { ids = new[] { page.Items[0].Id }, reason = "now test" }, Ct))
            .EnsureSuccessStatusCode();

        var now = await Eventually.ValueAsync(NowAsync, n => n.ParkedNotifications == parkedBefore + 1,
            TimeSpan.FromSeconds(30), "Notifications to park the email nobody can receive", Ct);

        now.Unavailable.Select(u => u.Service).ShouldBe(["ingress", "reconciliation report"], ignoreOrder: true);
        now.DeadLetters.ShouldBe(new DeadLetterCounts(Dead: PoisonMessages.Kinds.Length - 1, Replayed: 0, Discarded: 1));
        now.Outbox.Select(o => o.Service).ShouldBe(["orders", "reconciliation"]);
        now.Outbox.ShouldAllBe(o => o.Pending >= 0 && o.Parked == 0 && o.OldestPendingSeconds >= 0);
        now.StuckPayments.ShouldBeNull();
        var queues = now.Queues.ShouldNotBeNull();
        foreach (var consumed in new[] { "orders-payment-events", "notifications-order-events", "reconciliation-order-events" })
        {
            queues.Select(q => q.Name).ShouldContain(consumed);
        }
    }

    private async Task<NowSnapshot> NowAsync() => (await _client.GetFromJsonAsync<NowSnapshot>("/api/now", Ct)).ShouldNotBeNull();
}

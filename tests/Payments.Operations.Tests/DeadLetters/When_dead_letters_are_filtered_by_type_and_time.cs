using System.Globalization;
using Payments.Contracts;
using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Poisoned messages (one of a type nobody consumes) and two batches of events for orders Orders does not know, the
/// second a moment after the first: the message type picks exactly its letters; from and to bound when a letter failed,
/// half-open ([from, to)), and a replay by that window moves exactly the second batch.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_dead_letters_are_filtered_by_type_and_time(Servers servers) : IAsyncLifetime
{
    private const string Queue = "orders-payment-events";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_list_and_replay_exactly_what_the_type_and_the_window_match()
    {
        var (early, earlyPayment) = (Guid.NewGuid(), "pi_early_" + Guid.NewGuid().ToString("N")[..12]);
        var (late, latePayment) = (Guid.NewGuid(), "pi_late_" + Guid.NewGuid().ToString("N")[..12]);
        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        await PoisonMessages.SendAsync(servers.Broker, Queue, PaymentEvents.Succeeded(Guid.NewGuid(), "pi_poison"), typeof(PaymentEventReceived), Ct);
        for (var i = 0; i < 2; i++)
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(early, earlyPayment));
        }

        var earlyLetters = (await _client.DeadLettersAsync($"?orderId={early}", 2)).Items;
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct); // the second batch fails strictly later
        for (var i = 0; i < 2; i++)
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(late, latePayment));
        }

        var lateLetters = (await _client.DeadLettersAsync($"?orderId={late}", 2)).Items;

        var unknown = (await _client.DeadLettersAsync("?messageType=NoSuchMessage", 1)).Items.ShouldHaveSingleItem();
        unknown.Queue.ShouldBe(Queue + "_error");
        (await _client.DeadLettersAsync("?messageType=PaymentEventReceived")).Items.ShouldNotContain(l => l.MessageType != "PaymentEventReceived");

        var from = lateLetters.Min(l => l.FailedAt!.Value);
        var to = lateLetters.Max(l => l.FailedAt!.Value).AddTicks(10); // one microsecond past the last
        var before = (await _client.DeadLettersAsync($"?to={At(from)}&pageSize=500")).Items.Select(l => l.Id).ToList();
        var window = (await _client.DeadLettersAsync($"?from={At(from)}&to={At(to)}&pageSize=500")).Items.Select(l => l.Id).ToList();

        earlyLetters.Select(l => l.Id).ShouldBeSubsetOf(before);
        before.ShouldNotContain(lateLetters.First(l => l.FailedAt == from).Id, "to is exclusive: the letter that failed at it is not before it");
        before.ShouldNotContain(id => lateLetters.Any(l => l.Id == id));
        window.ShouldBe(lateLetters.Select(l => l.Id), ignoreOrder: true);

        await servers.OrdersDatabase.CreateOrderAsync(late, latePayment);
        (await _client.ReplayAsync(new { filter = new { from, to } })).ShouldBe(2);
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.EventCountAsync(late) == 2,
            TimeSpan.FromSeconds(20), "the replayed window's two events applied", Ct);
        (await _client.DeadLettersAsync($"?orderId={early}")).Items.ShouldAllBe(l => l.State == Payments.Operations.DeadLetters.DeadLetterState.Dead,
            "nothing outside the window moved");
    }

    private static string At(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
}

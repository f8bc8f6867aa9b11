using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Postgres;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Operations' own PostgreSQL is down when a message is dead-lettered: Operations cannot store it, so it must not take
/// it off its error queue. Operations stops with the message still there; once the database is back, an Operations
/// stores it, once, and only then is the queue empty.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_operations_cannot_store_a_dead_letter(Servers servers) : IAsyncLifetime
{
    private const string Queue = "orders-payment-events_error";

    private readonly PostgresFixture _own = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _own.InitializeAsync();

    public async ValueTask DisposeAsync() => await _own.DisposeAsync();

    [Fact]
    public async Task Should_leave_it_in_its_error_queue_until_it_is_stored()
    {
        var (first, firstClient) = await OperationsApp.StartAsync(servers.Broker, _own);
        firstClient.Dispose();
        await _own.StopAsync(Ct);
        var orderId = Guid.NewGuid();
        await using (var bus = await TestBus.ConnectAsync(servers.Broker))
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(orderId, "pi_unstored"));
        }

        // Orders dead-letters it within a second (an unknown order, after 50 ms); Operations fails to store it and
        // tries again every 2 s.
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        await first.DisposeAsync();
        (await Eventually.ValueAsync(() => servers.Broker.MessageCountAsync(Queue, Ct), count => count == 1, TimeSpan.FromSeconds(10),
            "the unstored letter back in its queue once Operations let go of it", Ct)).ShouldBe(1u);

        await _own.StartAsync(Ct);
        var (second, client) = await OperationsApp.StartAsync(servers.Broker, _own);
        await using var _ = second;
        var stored = (await client.DeadLettersAsync($"?orderId={orderId}", 1)).Items.ShouldHaveSingleItem();
        stored.Queue.ShouldBe(Queue);
        (await servers.Broker.MessageCountAsync(Queue, Ct)).ShouldBe(0u, "taken off once stored");
    }
}

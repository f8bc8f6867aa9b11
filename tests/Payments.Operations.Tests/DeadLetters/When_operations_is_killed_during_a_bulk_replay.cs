using System.Net.Http.Json;
using Payments.Operations.DeadLetters;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Operations runs as a real process and is killed (SIGKILL) in the middle of replaying 500 dead letters. After a
/// restart, the same replay moves the rest; every event is applied by Orders exactly once, the one in flight at the
/// kill included.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_operations_is_killed_during_a_bulk_replay(Servers servers) : IAsyncLifetime
{
    private const int Orders = 50;
    private const int EventsPerOrder = 10;
    private OperationsProcess _operations = null!;

    public async ValueTask InitializeAsync() => _operations = await OperationsProcess.StartAsync(servers, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _operations.DisposeAsync();

    [Fact]
    public async Task Should_replay_the_rest_on_the_next_run_and_apply_each_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(_operations.Process.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Operations, Scopes.PaymentsOps);
        var orders = Enumerable.Range(0, Orders).Select(_ => (Id: Guid.NewGuid(), Payment: "pi_" + Guid.NewGuid().ToString("N")[..20])).ToList();
        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        foreach (var (id, payment) in orders)
        {
            for (var i = 0; i < EventsPerOrder; i++)
            {
                await bus.PublishAsync(PaymentEvents.Succeeded(id, payment));
            }
        }

        const int total = Orders * EventsPerOrder;
        await Eventually.TrueAsync(async () => await _operations.CountAsync("state = 'dead'") == total, TimeSpan.FromSeconds(90), $"{total} dead letters stored", token);
        foreach (var (id, payment) in orders)
        {
            await servers.OrdersDatabase.CreateOrderAsync(id, payment);
        }

        var filter = new { filter = new { queue = "orders-payment-events_error", reason = "OrderNotFound" } };
        var replay = client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), filter, token);
        await Eventually.TrueAsync(async () => await _operations.CountAsync("state = 'replayed'") >= 20, TimeSpan.FromSeconds(30), "the replay under way", token);
        await _operations.Process.KillAsync();
        await Should.ThrowAsync<HttpRequestException>(replay);
        var before = await _operations.CountAsync("state = 'replayed'");
        before.ShouldBeLessThan(total, "killed before the replay finished");

        await _operations.Process.StartAsync(cancellationToken: token);
        using (var again = await client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), filter, token))
        {
            again.EnsureSuccessStatusCode();
            (await again.Content.ReadFromJsonAsync<ReplayResult>(token))!.Replayed.ShouldBe((int)(total - before));
        }

        (await _operations.CountAsync("state = 'replayed'")).ShouldBe(total);
        var ids = orders.Select(o => o.Id).ToList();
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.EventCountAsync(ids) >= total, TimeSpan.FromSeconds(60),
            "every replayed event applied", token);
        // Orders consumes one at a time: a later event applied means every replayed copy before it was handled.
        var (later, laterPayment) = await servers.OrdersDatabase.CreateOrderAsync();
        await bus.PublishAsync(PaymentEvents.Succeeded(later, laterPayment));
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.StatusAsync(later) == "paid", TimeSpan.FromSeconds(20), "a later event applied", token);
        (await servers.OrdersDatabase.EventCountAsync(ids)).ShouldBe(total);
    }
}

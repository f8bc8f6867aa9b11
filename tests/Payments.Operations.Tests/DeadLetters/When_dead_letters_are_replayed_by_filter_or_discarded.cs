using System.Net.Http.Json;
using Payments.Operations.DeadLetters;
using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Events for two orders Orders does not know yet are dead-lettered (not found after 50 ms). Once the orders exist, a
/// replay by filter moves exactly one order's events; a discard takes one of the other's out of every later replay; each
/// call's audit row says what it moved and why.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_dead_letters_are_replayed_by_filter_or_discarded(Servers servers) : IAsyncLifetime
{
    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_replay_exactly_the_matching_ones_and_never_a_discarded_one()
    {
        var token = TestContext.Current.CancellationToken;
        var (first, firstPayment) = (Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..20]);
        var (second, secondPayment) = (Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..20]);
        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        for (var i = 0; i < 3; i++)
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(first, firstPayment));
        }

        for (var i = 0; i < 2; i++)
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(second, secondPayment));
        }

        await _client.DeadLettersAsync($"?orderId={first}", 3);
        var secondLetters = await _client.DeadLettersAsync($"?orderId={second}", 2);
        (await _client.DeadLettersAsync("?reason=OrderNotFound")).Total.ShouldBe(5);
        await servers.OrdersDatabase.CreateOrderAsync(first, firstPayment);
        await servers.OrdersDatabase.CreateOrderAsync(second, secondPayment);

        (await _client.ReplayAsync(new { filter = new { orderId = first.ToString() } })).ShouldBe(3);
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.EventCountAsync(first) == 3,
            TimeSpan.FromSeconds(20), "the first order's three events applied", token);
        (await servers.OrdersDatabase.EventCountAsync(second)).ShouldBe(0);
        (await _client.ReplayAsync(new { filter = new { orderId = first.ToString() } })).ShouldBe(0, "nothing of it is still dead");

        var discardedId = secondLetters.Items[0].Id;
        using (var discard = await _client.PostAsJsonAsync(new Uri("/api/dead-letters/discard", UriKind.Relative),
                   new { ids = new[] { discardedId }, reason = "duplicate of a webhook the provider resent" }, token))
        {
            discard.EnsureSuccessStatusCode();
            (await discard.Content.ReadFromJsonAsync<DiscardResult>(token))!.Discarded.ShouldBe(1);
        }

        var discarded = await _client.DeadLetterAsync(discardedId);
        discarded.State.ShouldBe(DeadLetterState.Discarded);
        discarded.DiscardedBy.ShouldBe("test-client");
        discarded.DiscardReason.ShouldBe("duplicate of a webhook the provider resent");
        (await _app.ScalarAsync<long>(
            "SELECT count(*) FROM operations.audit WHERE action = 'POST /api/dead-letters/discard' AND subject = 'test-client' " +
            $"AND status_code = 200 AND target = '/api/dead-letters/discard: ids {discardedId}: 1 discarded (duplicate of a webhook the provider resent)'"))
            .ShouldBe(1);
        (await _app.ScalarAsync<long>("SELECT count(*) FROM operations.audit WHERE action = 'POST /api/dead-letters/discard'")).ShouldBe(1, "one row per call");

        (await _client.ReplayAsync(new { ids = new[] { discardedId } })).ShouldBe(0, "a discarded letter is never replayed");
        (await _client.ReplayAsync(new { filter = new { orderId = second.ToString() } })).ShouldBe(1);
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.EventCountAsync(second) == 1,
            TimeSpan.FromSeconds(20), "the second order's remaining event applied", token);
        (await _app.ScalarAsync<long>("SELECT count(*) FROM operations.audit WHERE action = 'POST /api/dead-letters/replay'")).ShouldBe(4);
        (await _app.ScalarAsync<long>(
            $"SELECT count(*) FROM operations.audit WHERE action = 'POST /api/dead-letters/replay' AND target LIKE '/api/dead-letters/replay: filter %{first}%: 3 replayed'"))
            .ShouldBe(1, "what a replay by filter moved");
    }

    [Fact]
    public async Task Should_refuse_a_request_that_is_neither_ids_nor_filter()
    {
        using var neither = await _client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), new { }, TestContext.Current.CancellationToken);
        neither.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        using var noReason = await _client.PostAsJsonAsync(new Uri("/api/dead-letters/discard", UriKind.Relative), new { ids = new[] { 1 } },
            TestContext.Current.CancellationToken);
        noReason.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        using var badPage = await _client.GetAsync(new Uri("/api/dead-letters?pageSize=0", UriKind.Relative), TestContext.Current.CancellationToken);
        badPage.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}

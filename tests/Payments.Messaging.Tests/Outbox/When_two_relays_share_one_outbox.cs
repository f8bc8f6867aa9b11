using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>Two instances claim from the same table with FOR UPDATE SKIP LOCKED: no row is lost, none waits on the other.</summary>
[Collection(MessagingCollection.Name)]
public sealed class When_two_relays_share_one_outbox(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await MessagingScenario.CreateAsync(servers);
        await _scenario.StopHostsAsync();
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_publish_every_row_without_losing_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = await _scenario.Bus.WatchAsync(typeof(RelayProbe));
        var smallBatches = new Dictionary<string, string?> { ["Messaging:Outbox:BatchSize"] = "25" };
        var committed = await OutboxRows.InsertAsync(_scenario.Database, Enumerable.Range(0, 2000).Select(n => new RelayProbe(n)));

        await Task.WhenAll(_scenario.StartHostAsync(smallBatches), _scenario.StartHostAsync(smallBatches));

        var published = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            published.AddRange((await _scenario.Bus.DrainAsync(watch)).Select(m => m.MessageId));
            return published.Distinct().Count() >= committed.Count;
        }, TimeSpan.FromSeconds(60), "every row to be published", ct);
        published.Distinct().ShouldBe(committed.Select(id => id.ToString()), ignoreOrder: true);
        await Eventually.TrueAsync(async () => await _scenario.Host.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox") == 0,
            TimeSpan.FromSeconds(10), "the outbox to be empty", ct);
    }
}

using Npgsql;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>
/// The state a crash leaves: business transactions committed with their outbox rows, nothing published, and a relay
/// that had claimed a batch (rows locked) when it died. The next instance publishes all of it.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_a_process_died_between_commit_and_publish(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await MessagingScenario.CreateAsync(servers);
        await _scenario.StopHostsAsync(); // the schema exists now; the host is "down"
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_publish_every_committed_row_after_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = await _scenario.Bus.WatchAsync(typeof(RelayProbe));
        var committed = await OutboxRows.InsertAsync(_scenario.Database, Enumerable.Range(0, 150).Select(n => new RelayProbe(n)));

        // A relay that claimed 50 rows and died: its connection goes away with the locks, nothing else changed.
        await using (var dying = new NpgsqlConnection(_scenario.Database))
        {
            await dying.OpenAsync(ct);
            await using var claim = await dying.BeginTransactionAsync(ct);
            await using var select = new NpgsqlCommand("SELECT id FROM messaging.outbox ORDER BY available_at LIMIT 50 FOR UPDATE", dying, claim);
            await select.ExecuteNonQueryAsync(ct);
        }

        await _scenario.StartHostAsync();

        var published = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            published.UnionWith((await _scenario.Bus.DrainAsync(watch)).Select(m => m.MessageId));
            return published.Count >= committed.Count;
        }, TimeSpan.FromSeconds(30), "every committed row to be published", ct);
        published.ShouldBe(committed.Select(id => id.ToString()), ignoreOrder: true);
    }
}

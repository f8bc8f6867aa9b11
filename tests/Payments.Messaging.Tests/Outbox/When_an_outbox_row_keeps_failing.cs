using System.Net;
using System.Net.Http.Json;
using Payments.Messaging.Outbox;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>A poison row (a command no queue receives) backs off, is parked after its attempts, never holds back the rows behind it, and can be re-queued.</summary>
[Collection(MessagingCollection.Name)]
public sealed class When_an_outbox_row_keeps_failing(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers, new Dictionary<string, string?>
    {
        ["Messaging:Outbox:MaxAttempts"] = "3",
        ["Messaging:Outbox:BaseBackoff"] = "00:00:00.100",
    });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_park_it_without_blocking_later_rows_and_deliver_it_once_requeued()
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = await _scenario.Bus.WatchAsync(typeof(RelayProbe));
        var poison = (await OutboxRows.InsertAsync(_scenario.Database, [new Unroutable(1)], mandatory: true)).Single();
        var later = await OutboxRows.InsertAsync(_scenario.Database, Enumerable.Range(0, 50).Select(n => new RelayProbe(n)));

        var published = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            published.UnionWith((await _scenario.Bus.DrainAsync(watch)).Select(m => m.MessageId));
            return published.Count >= later.Count;
        }, TimeSpan.FromSeconds(20), "the rows behind the poison row to be published", ct);

        var parked = await Eventually.ValueAsync(
            () => _scenario.Client.GetFromJsonAsync<List<ParkedMessage>>("/admin/outbox/parked", ct), p => p!.Count == 1,
            TimeSpan.FromSeconds(20), "the poison row to be parked", ct);
        parked![0].Id.ShouldBe(poison);
        parked[0].Attempts.ShouldBe(3);
        parked[0].LastError.ShouldNotBeNull().ShouldContain("unroutable");

        var unroutableWatch = await _scenario.Bus.WatchAsync(typeof(Unroutable)); // now someone listens
        (await _scenario.Client.PostAsync($"/admin/outbox/parked/{poison}/requeue", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var delivered = await Eventually.ValueAsync(() => _scenario.Bus.DrainAsync(unroutableWatch), m => m.Count > 0, TimeSpan.FromSeconds(20), "the re-queued row", ct);
        delivered.Single().MessageId.ShouldBe(poison.ToString());
        (await _scenario.Client.PostAsync($"/admin/outbox/parked/{poison}/requeue", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

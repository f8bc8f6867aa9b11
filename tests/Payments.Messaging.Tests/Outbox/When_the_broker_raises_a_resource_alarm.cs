using System.Net;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Health;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>
/// The broker raises its memory alarm and blocks the relay's connection: that is the broker being unavailable, not the
/// rows failing, so the relay spends no attempts and parks nothing (with a confirm timeout and an attempt budget that
/// would park every row within a second otherwise), readiness says so (each probe within its deadline), and everything flows once the alarm clears.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_the_broker_raises_a_resource_alarm(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers, new Dictionary<string, string?>
    {
        ["Messaging:Outbox:MaxAttempts"] = "2",
        ["Messaging:Outbox:BaseBackoff"] = "00:00:00.050",
        ["Messaging:Outbox:MaxBackoff"] = "00:00:00.100",
        ["Messaging:Broker:ConfirmTimeout"] = "00:00:00.300",
    });

    public async ValueTask DisposeAsync()
    {
        await servers.Broker.UnblockPublishersAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_spend_no_attempts_park_nothing_report_not_ready_and_relay_everything_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = await _scenario.Bus.WatchAsync(typeof(RelayProbe));
        var before = await OutboxRows.InsertAsync(_scenario.Database, [new RelayProbe(0)]);
        await Eventually.TrueAsync(async () => (await _scenario.Bus.DrainAsync(watch)).Count == 1, TimeSpan.FromSeconds(10), "a publish before the alarm", ct);

        await servers.Broker.BlockPublishersAsync(ct);
        var during = await OutboxRows.InsertAsync(_scenario.Database, Enumerable.Range(1, 5).Select(n => new RelayProbe(n)));
        await Eventually.TrueAsync(async () => (await _scenario.Client.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(10), "readiness to report the blocked broker", ct);
        await Readiness.ShouldAnswerPromptlyAsync(_scenario.Client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(3), cancellationToken: ct);
        // Long enough for the relay to have tried every row several times over (poll 200 ms, confirm timeout 300 ms).
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        (await _scenario.Host.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox_parked")).ShouldBe(0);
        (await _scenario.Host.ScalarAsync<long>("SELECT coalesce(max(attempts), 0) FROM messaging.outbox")).ShouldBe(0);
        (await _scenario.Host.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox")).ShouldBe(during.Count);

        await servers.Broker.UnblockPublishersAsync(ct);
        var published = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            published.UnionWith((await _scenario.Bus.DrainAsync(watch)).Select(m => m.MessageId));
            return published.Count >= during.Count;
        }, TimeSpan.FromSeconds(20), "every row to be relayed once the alarm cleared", ct);
        published.ShouldBe(during.Select(id => id.ToString()), ignoreOrder: true);
        await Eventually.TrueAsync(async () => (await _scenario.Client.GetAsync("/health/ready", ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "readiness once the alarm cleared", ct);
    }
}

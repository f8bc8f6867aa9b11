namespace Payments.Chaos.Tests;

/// <summary>
/// A real database crash: PostgreSQL with fsync, synchronous_commit and full_page_writes on, as in production, killed
/// with SIGKILL twice under steady load and started again. What it acknowledged was on disk: nothing acknowledged is
/// lost, and the replays that follow (redelivered messages, relayed outbox rows) have no second effect.
/// </summary>
public sealed class When_the_database_crashes_under_load : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 1, durableDatabase: true);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_lose_nothing_acknowledged_and_apply_every_event_once()
    {
        var ct = TestContext.Current.CancellationToken;

        var outcome = await ChaosRun.RunAsync(_system, orders: 80,
            [DatabaseFaults.KillAndRestart(_system.Postgres, ct), DatabaseFaults.KillAndRestart(_system.Postgres, ct)], ct);

        outcome.ShouldHaveLostNothingAndAppliedEverythingOnce();
    }
}

namespace Payments.Chaos.Tests;

/// <summary>
/// PostgreSQL as a primary with a synchronous streaming standby, every service given both hosts with
/// Target Session Attributes=primary: the primary is killed with SIGKILL under load and the standby promoted. The services
/// recover by themselves, and nothing the primary committed (nothing acknowledged) is lost.
/// </summary>
public sealed class When_the_primary_database_fails_over_under_load : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 1, replicatedDatabase: true);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_recover_by_themselves_and_lose_nothing_committed()
    {
        var ct = TestContext.Current.CancellationToken;

        var outcome = await ChaosRun.RunAsync(_system, orders: 80, [DatabaseFaults.KillPrimaryAndPromote(_system.Replicas, ct)], ct);

        outcome.ShouldHaveLostNothingAndAppliedEverythingOnce();
    }
}

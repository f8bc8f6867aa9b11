namespace Payments.Chaos.Tests;

/// <summary>
/// The broker as a three-node cluster with every service given all three nodes: the node leading the busiest queue is
/// killed and restarted, then cut off from the other two for 30 s and healed, under steady signed load. The ingress
/// may answer 503 while a new leader is elected, never 2xx without a confirm: every acknowledged webhook still makes
/// exactly one transition and one email.
/// </summary>
public sealed class When_a_broker_node_is_lost_under_load : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 1, clusteredBroker: true);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_fail_over_and_lose_nothing_and_apply_every_event_once()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _system.Cluster.MembersOfAsync(BrokerNodeFaults.BusiestQueue, ct)).Count.ShouldBe(3, "the busiest queue is replicated on every node");

        var outcome = await ChaosRun.RunAsync(_system, orders: 150,
            [BrokerNodeFaults.KillLeaderAndRestart(_system, ct), BrokerNodeFaults.CutLeaderOff(_system.Cluster, TimeSpan.FromSeconds(30), ct)], ct);

        outcome.ShouldHaveLostNothingAndAppliedEverythingOnce();
    }
}

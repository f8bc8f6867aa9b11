using Payments.Testing.RabbitMq;

namespace Payments.Chaos.Tests;

/// <summary>Faults of one node of the broker cluster, aimed at the node that leads the busiest queue.</summary>
public static class BrokerNodeFaults
{
    /// <summary>Every payment event passes through it: the queue whose leader matters most.</summary>
    public const string BusiestQueue = "orders-payment-events";

    public static ChaosStep KillLeaderAndRestart(RabbitMqClusterFixture cluster, CancellationToken ct) =>
        new($"kill -9 the node leading {BusiestQueue}, start it again 5 s later", async () =>
        {
            var leader = await cluster.LeaderOfAsync(BusiestQueue, ct);
            await cluster.KillAsync(leader, ct);
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            await cluster.StartAsync(leader, ct);
            await cluster.WaitForMembersAsync(RabbitMqClusterFixture.Size, ct);
            return $"killed {cluster.NodeNames[leader]}; back, leader now {cluster.NodeNames[await cluster.LeaderOfAsync(BusiestQueue, ct)]}";
        });

    public static ChaosStep CutLeaderOff(RabbitMqClusterFixture cluster, TimeSpan duration, CancellationToken ct) =>
        new($"cut the node leading {BusiestQueue} off the other two for {duration.TotalSeconds:0} s, then heal", async () =>
        {
            var leader = await cluster.LeaderOfAsync(BusiestQueue, ct);
            await cluster.DisconnectAsync(leader, ct);
            await Task.Delay(duration, ct);
            await cluster.ConnectAsync(leader, ct);
            await cluster.WaitForMembersAsync(RabbitMqClusterFixture.Size, ct);
            return $"cut {cluster.NodeNames[leader]}; healed, leader now {cluster.NodeNames[await cluster.LeaderOfAsync(BusiestQueue, ct)]}";
        });
}

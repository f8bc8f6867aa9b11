using System.Diagnostics;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Chaos.Tests;

/// <summary>Faults of one node of the broker cluster, aimed at the node that leads the busiest queue.</summary>
public static class BrokerNodeFaults
{
    /// <summary>Every payment event passes through it: the queue whose leader matters most.</summary>
    public const string BusiestQueue = "orders-payment-events";

    /// <summary>
    /// Kills the leader (the node the services connected to first, since they declared the queue through it) and keeps it
    /// down until every service with a broker is ready again, connected to a surviving node: failover, not a wait for the
    /// node's return.
    /// </summary>
    public static ChaosStep KillLeaderAndRestart(PaymentsSystem system, CancellationToken ct) =>
        new($"kill -9 the node leading {BusiestQueue}; every service ready on the other nodes; start it again", async () =>
        {
            var cluster = system.Cluster;
            var leader = await cluster.LeaderOfAsync(BusiestQueue, ct);
            await cluster.KillAsync(leader, ct);
            var clock = Stopwatch.StartNew();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.TrueAsync(async () =>
            {
                foreach (var service in system.All.Where(s => s != system.Simulator))
                {
                    using var ready = await http.GetAsync($"{service.BaseUrl}/health/ready", ct);
                    if (!ready.IsSuccessStatusCode)
                        return false;
                }

                return true;
            }, TimeSpan.FromSeconds(60), "every service ready on the surviving nodes", ct);
            var failover = clock.Elapsed;
            await cluster.StartAsync(leader, ct);
            await cluster.WaitForMembersAsync(RabbitMqClusterFixture.Size, ct);
            return $"killed {cluster.NodeNames[leader]}; every service ready without it after {failover.TotalSeconds:0.0} s; " +
                $"back, leader now {cluster.NodeNames[await cluster.LeaderOfAsync(BusiestQueue, ct)]}";
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
